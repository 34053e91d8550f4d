import type { ErrorSink } from '../errors.ts';

/** Options set by `<!-- .slide: … -->`; each one declared here once. */
export interface SlideOptions {
  /** Reveal each top-level list item one at a time. @default false */
  steps: boolean;
  /** This slide's planned minutes in the lecture (pacing); null = an even share. @default null */
  minutes: number | null;
  /** Extra CSS classes for the slide. @default [] */
  classes: string[];
  /** The lecture plans (deck.yml `plans`) the slide belongs to; null = every plan. @default null */
  plans: string[] | null;
}

/** A slide with no options comment. */
export const NO_OPTIONS: Readonly<SlideOptions> = { steps: false, minutes: null, classes: [], plans: null };

/** The text of an options comment (`<!-- .slide: steps minutes=3 -->` → `steps minutes=3`), or null if `html` is not one. */
export function optionsComment(html: string): string | null {
  const text = html.trim();
  if (!text.startsWith('<!--') || !text.endsWith('-->')) return null;
  const inner = text.slice(4, -3).trim();
  return inner.startsWith('.slide:') ? inner.slice('.slide:'.length) : null;
}

const OPTION = /([a-z-]+)(?:=(?:"([^"]*)"|(\S+)))?/g;

/** Reads an options comment's text; what it does not know is reported at `line`. */
export function readSlideOptions(text: string, file: string, line: number, sink: ErrorSink): SlideOptions {
  const options: SlideOptions = { ...NO_OPTIONS, classes: [] };
  for (const m of text.matchAll(OPTION)) {
    const key = m[1] ?? '';
    const value = m[2] ?? m[3];
    if (key === 'steps' && value === undefined) options.steps = true;
    else if (key === 'minutes' && value !== undefined && Number(value) > 0) options.minutes = Number(value);
    else if (key === 'class' && value) options.classes.push(...value.split(/\s+/).filter(Boolean));
    else if (key === 'plan' && value) options.plans = value.split(',').filter(Boolean);
    else sink.add(file, line, `unknown slide option \`${m[0]}\``, 'Use `steps`, `minutes=N` (N > 0), `class=name` or `plan=id`.');
  }
  return options;
}
