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
}

export interface RawSection {
  /** The parsed front matter, or null when the file has none. */
  frontMatter: Record<string, unknown> | null;
  slides: RawSlide[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const OPTIONS = /^\s*<!--\s*\.slide:(.*?)-->\s*$/;
const NOTE = /^Note:\s*(.*)$/;
const CUE = /^Cue:\s*(.*)$/;

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
  const notes: string[] = [];
  const cue: string[] = [];
  let notesLine = 0;
  let cueLine = 0;
  let target = body;
  let fence: string | null = null;
  let options: SlideOptions = { steps: false, minutes: null, classes: [] };
  lines.forEach((line, i) => {
    const lineNo = firstLine + i;
    const f = FENCE.exec(line);
    if (f) {
      const marker = f[1] ?? '';
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && line.trim() === marker) fence = null;
    }
    if (fence === null) {
      const note = NOTE.exec(line);
      const cueMatch = CUE.exec(line);
      const opts = OPTIONS.exec(line);
      if (note) {
        target = notes;
        notesLine = lineNo;
        pad(notes, notes.length ? 1 : 0);
        notes.push(note[1] ?? '');
        return;
      }
      if (cueMatch) {
        target = cue;
        cueLine = lineNo;
        cue.push(cueMatch[1] ?? '');
        return;
      }
      if (opts && target === body) {
        options = readOptions(opts[1] ?? '', file, lineNo, sink);
        body.push('');
        return;
      }
    }
    target.push(line);
  });
  const block = (text: string[], line: number): RawBlock | null =>
    text.join('\n').trim() ? { line, text: text.join('\n') } : null;
  return { line: firstLine, body: body.join('\n'), notes: block(notes, notesLine), cue: block(cue, cueLine), options };
}

function pad(lines: string[], n: number): void {
  for (let i = 0; i < n; i++) lines.push('');
}

const OPTION = /([a-z-]+)(?:=(?:"([^"]*)"|(\S+)))?/g;

function readOptions(text: string, file: string, line: number, sink: ErrorSink): SlideOptions {
  const options: SlideOptions = { steps: false, minutes: null, classes: [] };
  for (const m of text.matchAll(OPTION)) {
    const key = m[1] ?? '';
    const value = m[2] ?? m[3];
    if (key === 'steps' && value === undefined) options.steps = true;
    else if (key === 'minutes' && value !== undefined && Number(value) > 0) options.minutes = Number(value);
    else if (key === 'class' && value) options.classes.push(...value.split(/\s+/).filter(Boolean));
    else
      sink.add(file, line, `unknown slide option \`${m[0]}\``, 'Use `steps`, `minutes=N` (N > 0) or `class=name`.');
  }
  return options;
}
