import { NO_PLAN } from '../../shared/deck-model.ts';
import type { ErrorSink } from '../errors.ts';
import { paragraphRange } from '../paper/coverage.ts';
import { MIN_SLIDE_MINUTES } from './slide-minutes.ts';

/** Options set by `<!-- .slide: … -->`; each one declared here once. */
export interface SlideOptions {
  /** Reveal each top-level list item one at a time. @default false */
  steps: boolean;
  /** This slide's planned minutes in a lecture; null = its kind's (slide-minutes.ts). @default null */
  minutes: number | null;
  /** Extra CSS classes for the slide. @default [] */
  classes: string[];
  /** The lecture plans (deck.yml `plans`) the slide is in; null = every plan, [] = none (`plan=none`: self-study only). @default null */
  plans: string[] | null;
  /**
   * The paragraphs of the paper the slide teaches (`source=12-13`, `source=3,5-7`), ascending,
   * numbered as the paper view numbers them. Required on every slide but the title, the section
   * openers and the back matter (see slide-structure.ts); empty when the value names no
   * paragraph of the paper (an error). @default null
   */
  source: number[] | null;
}

/** A slide with no options comment. */
export const NO_OPTIONS: Readonly<SlideOptions> = { steps: false, minutes: null, classes: [], plans: null, source: null };

/** The text of an options comment (`<!-- .slide: steps minutes=3 -->` → `steps minutes=3`), or null if `html` is not one. */
export function optionsComment(html: string): string | null {
  const text = html.trim();
  if (!text.startsWith('<!--') || !text.endsWith('-->')) return null;
  const inner = text.slice(4, -3).trim();
  return inner.startsWith('.slide:') ? inner.slice('.slide:'.length) : null;
}

const OPTION = /([a-z-]+)(?:(=)(?:"([^"]*)"|([^\s"]*)))?/g;

/** What `source=` needs from the deck: how many paragraphs the paper has (null: the deck has no paper). */
export interface SourceContext {
  paragraphs: number | null;
}

/**
 * Reads an options comment's text; what it does not know is reported at `line`. `planIds`: the
 * plans of deck.yml; `paper`: how many paragraphs `source=` can name.
 */
export function readSlideOptions(text: string, file: string, line: number, sink: ErrorSink, planIds: readonly string[], paper: SourceContext = { paragraphs: null }): SlideOptions {
  const options: SlideOptions = { ...NO_OPTIONS, classes: [] };
  for (const m of text.matchAll(OPTION)) {
    const key = m[1] ?? '';
    const hasValue = m[2] !== undefined;
    const value = m[3] ?? m[4];
    if (key === 'steps' && !hasValue) options.steps = true;
    else if (key === 'minutes' && value !== undefined) {
      const minutes = Number(value);
      if (minutes >= MIN_SLIDE_MINUTES) options.minutes = minutes;
      else sink.add(file, line, `\`${m[0]}\` is not a number of minutes of at least ${MIN_SLIDE_MINUTES}`, `Write e.g. \`minutes=1.5\`, or leave the minutes to the slide's kind.`);
    } else if (key === 'class' && value) options.classes.push(...value.split(/\s+/).filter(Boolean));
    else if (key === 'plan' && value) options.plans = readPlans(value, m[0], file, line, sink, planIds);
    else if (key === 'source') options.source = readSource(value ?? '', file, line, sink, paper);
    else sink.add(file, line, `unknown slide option \`${m[0]}\``, 'Use `steps`, `minutes=N`, `class=name`, `plan=id` or `source=12-13`.');
  }
  return options;
}

/**
 * `source=12-13`: the paragraphs, ascending; none (and an error at `line`) when they are not
 * paragraphs of the paper. The option is there all the same: the slide is not also reported
 * for naming no source.
 */
function readSource(value: string, file: string, line: number, sink: ErrorSink, paper: SourceContext): number[] {
  const count = paper.paragraphs;
  if (!value.trim()) {
    sink.add(file, line, '`source=` names no paragraph', `Write the paragraphs of the paper the slide teaches, as the paper view numbers them${count ? ` (¶1–¶${count})` : ''}: \`source=12\`, \`source=12-13\` or \`source=3,5-7\`.`);
    return [];
  }
  if (count === null) {
    sink.add(file, line, `\`source=${value}\` names paragraphs of the paper, but the deck has no paper`, 'Put the paper\'s text at assets/paper/paper.txt, or remove the option.');
    return [];
  }
  const range = paragraphRange(value, count);
  if ('problem' in range) {
    sink.add(file, line, `\`source=${value}\`: ${range.problem}`, range.fix);
    return [];
  }
  return [...range.paragraphs].sort((a, b) => a - b);
}

/** `plan=90` or `plan=45,90`: plans of deck.yml; `plan=none`: in no lecture (self-study only). */
function readPlans(value: string, written: string, file: string, line: number, sink: ErrorSink, planIds: readonly string[]): string[] {
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 1 && ids[0] === NO_PLAN) return [];
  const unknown = ids.filter((id) => !planIds.includes(id));
  if (unknown.length || ids.length === 0) {
    const which = unknown.length ? `a plan slides/deck.yml does not declare (${unknown.map((id) => `\`${id}\``).join(', ')})` : 'no plan';
    sink.add(file, line, `\`${written}\` names ${which}`, `Name plans of deck.yml (${planIds.map((id) => `\`${id}\``).join(', ')}), comma-separated, or \`plan=${NO_PLAN}\` for self-study only.`);
  }
  return [...new Set(ids.filter((id) => planIds.includes(id)))];
}
