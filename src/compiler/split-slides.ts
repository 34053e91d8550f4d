import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ErrorSink } from './errors.ts';

/** One slide's raw text, cut out of a section file, with the line numbers it came from. */
export interface RawSlide {
  /** 1-based file line of the slide's first body line. */
  line: number;
  /** The slide's Markdown; options comments are blanked, so line numbers still match. */
  body: string;
  notes: RawBlock | null;
  cue: RawBlock | null;
  /** `Note N:` blocks: the notes of the slide's Nth step (fragment), shown while it is current. */
  steps: (RawBlock & { step: number })[];
  options: SlideOptions;
}

export interface RawBlock {
  line: number;
  text: string;
}

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

export interface RawSection {
  /** The parsed front matter, or null when the file has none. */
  frontMatter: Record<string, unknown> | null;
  slides: RawSlide[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const OPTIONS = /^\s*<!--\s*\.slide:(.*?)-->\s*$/;
/** `Note:` (the slide's notes), `Note 2:` (the notes of its 2nd step), `Cue:` (lecturer only). */
const BLOCK_START = /^(Note(?: (\d+))?|Cue):\s*(.*)$/;

/** Cuts a section file into front matter and slides; reports what it cannot read to `sink`. */
export function splitSlides(text: string, file: string, sink: ErrorSink): RawSection {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let start = 0;
  let frontMatter: Record<string, unknown> | null = null;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) {
      sink.add(file, 1, 'front matter is not closed', 'End it with a line `---`.');
      return { frontMatter: null, slides: [] };
    }
    frontMatter = readFrontMatter(lines.slice(1, end).join('\n'), file, sink);
    start = end + 1;
  }

  const slides: RawSlide[] = [];
  let chunk: { line: number; lines: string[] } = { line: start + 1, lines: [] };
  let fence: string | null = null;
  const flush = (): void => {
    slides.push(readSlide(chunk.lines, chunk.line, file, sink));
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const f = FENCE.exec(line);
    if (f) {
      const marker = f[1] ?? '';
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    }
    if (fence === null && line === '---') {
      flush();
      chunk = { line: i + 2, lines: [] };
    } else {
      chunk.lines.push(line);
    }
  }
  flush();
  return { frontMatter, slides };
}

function readFrontMatter(yaml: string, file: string, sink: ErrorSink): Record<string, unknown> | null {
  try {
    const data: unknown = parseYaml(yaml);
    if (data && typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>;
    sink.add(file, 2, 'front matter is not a mapping', 'Write `id: …` and `title: …` lines.');
  } catch (e) {
    const line = e instanceof YAMLParseError ? (e.linePos?.[0].line ?? 1) + 1 : 2;
    sink.add(file, line, `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`, 'Fix the YAML syntax.');
  }
  return null;
}

function readSlide(lines: string[], firstLine: number, file: string, sink: ErrorSink): RawSlide {
  const body: string[] = [];
  // Each `Note:`, `Note N:` and `Cue:` line starts a block that runs to the next such line.
  const blocks = new Map<string, { line: number; lines: string[] }>();
  let target = body;
  let fence: string | null = null;
  let options: SlideOptions = { steps: false, minutes: null, classes: [], plans: null };
  lines.forEach((line, i) => {
    const lineNo = firstLine + i;
    const f = FENCE.exec(line);
    if (f) {
      const marker = f[1] ?? '';
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && line.trim() === marker) fence = null;
    }
    if (fence === null) {
      const start = BLOCK_START.exec(line);
      if (start) {
        const key = start[1] === 'Cue' ? 'cue' : start[2] ? `step:${start[2]}` : 'notes';
        const block = blocks.get(key) ?? { line: lineNo, lines: [] };
        blocks.set(key, block);
        // Line numbers inside a block count from its first line: a repeated header adds a blank.
        if (block.lines.length) block.lines.push('');
        block.lines.push(start[3] ?? '');
        target = block.lines;
        return;
      }
      const opts = OPTIONS.exec(line);
      if (opts && target === body) {
        options = readOptions(opts[1] ?? '', file, lineNo, sink);
        body.push('');
        return;
      }
    }
    target.push(line);
  });
  const block = (key: string): RawBlock | null => {
    const b = blocks.get(key);
    return b && b.lines.join('\n').trim() ? { line: b.line, text: b.lines.join('\n') } : null;
  };
  const steps = [...blocks.keys()]
    .filter((k) => k.startsWith('step:'))
    .map((k) => ({ step: Number(k.slice(5)), ...block(k)! }))
    .filter((s) => s.text !== undefined)
    .sort((a, b) => a.step - b.step);
  return { line: firstLine, body: body.join('\n'), notes: block('notes'), cue: block('cue'), steps, options };
}

const OPTION = /([a-z-]+)(?:=(?:"([^"]*)"|(\S+)))?/g;

function readOptions(text: string, file: string, line: number, sink: ErrorSink): SlideOptions {
  const options: SlideOptions = { steps: false, minutes: null, classes: [], plans: null };
  for (const m of text.matchAll(OPTION)) {
    const key = m[1] ?? '';
    const value = m[2] ?? m[3];
    if (key === 'steps' && value === undefined) options.steps = true;
    else if (key === 'minutes' && value !== undefined && Number(value) > 0) options.minutes = Number(value);
    else if (key === 'class' && value) options.classes.push(...value.split(/\s+/).filter(Boolean));
    else if (key === 'plan' && value) options.plans = value.split(',').filter(Boolean);
    else
      sink.add(file, line, `unknown slide option \`${m[0]}\``, 'Use `steps`, `minutes=N` (N > 0), `class=name` or `plan=id`.');
  }
  return options;
}
