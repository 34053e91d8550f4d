import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { coverage, type LeftOutParagraph, type ParagraphLinks } from '../../shared/paper.ts';
import type { ContentError, ErrorSink } from '../errors.ts';
import { PAPER_FILE, type PaperParagraph } from './read-paper.ts';

export { coverage, type LeftOutParagraph, type ParagraphLinks };

/** Where the deck lists the paragraphs it leaves out: `leftOut:` in this file. */
export const LEFT_OUT_FILE = 'slides/deck.yml';

/** One `leftOut:` entry of `slides/deck.yml`. */
export interface LeftOutEntry {
  paragraphs: number[];
  reason: string;
  line: number;
}

/** A `source=` value or a `leftOut` entry's `paragraphs`, read: the paragraph numbers, or what is wrong. */
export type RangeResult = { paragraphs: number[] } | { problem: string; fix: string };

/**
 * Reads a list of paragraphs, as a slide's `source=12-13` or a `leftOut` entry names them:
 * `12`, `12-13`, or several, comma-separated (`3,5-7`). Each must be a paragraph of the paper
 * (1…count), each range in order.
 */
export function paragraphRange(value: string | number, count: number): RangeResult {
  const text = String(value).trim();
  const fix = `Name paragraphs of the paper by their numbers ¶1–¶${count}, as the paper view shows them: \`12\`, \`12-13\` or \`3,5-7\`.`;
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(part);
    if (!m) return { problem: `\`${text}\` is not a list of paragraphs`, fix };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return { problem: `paragraph range \`${part.trim()}\` runs backwards`, fix: `Write the lower number first: \`${to}-${from}\`.` };
    if (from < 1 || to > count) return { problem: `the paper has no paragraph ¶${from < 1 ? from : to} (its body has ¶1–¶${count})`, fix };
    for (let n = from; n <= to; n++) if (!out.includes(n)) out.push(n);
  }
  return { paragraphs: out };
}

/**
 * Reads `leftOut:` from `slides/deck.yml`: the paragraphs of the paper's body that no slide
 * teaches on purpose, each with its reason. The key is optional.
 *
 * ```yaml
 * leftOut:
 *   - paragraphs: 17-18
 *     reason: 两个例子，幻灯片只讲第一个
 * ```
 */
export function readLeftOut(root: string, count: number, sink: ErrorSink): LeftOutEntry[] {
  let text: string;
  try {
    text = readFileSync(join(root, LEFT_OUT_FILE), 'utf8');
  } catch {
    return []; // the deck's own reader reports a missing deck.yml
  }
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return []; // so does it an invalid one
  const lineOf = (node: unknown): number => {
    const range = (node as Node | null)?.range;
    return range ? text.slice(0, range[0]).split('\n').length : 1;
  };
  const list = doc.contents.get('leftOut', true);
  if (list === undefined || list === null) return [];
  const fix = 'Write one `- paragraphs: 12-13` / `  reason: …` item per paragraph or range.';
  if (!isSeq(list)) {
    sink.add(LEFT_OUT_FILE, lineOf(list), '`leftOut` is not a list', fix);
    return [];
  }
  const entries: LeftOutEntry[] = [];
  for (const node of list.items) {
    const line = lineOf(node);
    const item = (node as { toJSON?: () => unknown }).toJSON?.() as { paragraphs?: unknown; reason?: unknown } | null;
    if (!item || typeof item !== 'object' || (typeof item.paragraphs !== 'number' && typeof item.paragraphs !== 'string') || typeof item.reason !== 'string' || !item.reason.trim()) {
      sink.add(LEFT_OUT_FILE, line, 'a `leftOut` entry needs `paragraphs` and a `reason`', fix);
      continue;
    }
    const range = paragraphRange(item.paragraphs, count);
    if ('problem' in range) sink.add(LEFT_OUT_FILE, line, `leftOut: ${range.problem}`, range.fix);
    else entries.push({ paragraphs: range.paragraphs, reason: item.reason.trim(), line });
  }
  return entries;
}

/** The entries as one item per paragraph (the paper page's data). */
export function leftOutParagraphs(entries: readonly LeftOutEntry[]): LeftOutParagraph[] {
  return entries.flatMap((e) => e.paragraphs.map((paragraph) => ({ paragraph, reason: e.reason })));
}

/**
 * What the build reports about coverage: each run of body paragraphs no slide teaches and
 * `leftOut` does not name (one error per run, at the paper's line, so the text is easy to find),
 * and each left-out paragraph that a slide teaches after all (at its `leftOut` line).
 */
export function coverageErrors(paragraphs: readonly PaperParagraph[], links: ParagraphLinks, leftOut: readonly LeftOutEntry[]): ContentError[] {
  const errors: ContentError[] = [];
  const uncovered = coverage(paragraphs, links, leftOutParagraphs(leftOut));
  for (const run of runs(uncovered)) {
    const first = paragraphs.find((p) => p.n === run[0])!;
    const name = run.length === 1 ? `¶${run[0]}` : `¶${run[0]}–¶${run.at(-1)}`;
    const option = run.length === 1 ? `${run[0]}` : `${run[0]}-${run.at(-1)}`;
    errors.push({
      file: PAPER_FILE,
      line: first.lines[0]!,
      problem: `paragraph${run.length === 1 ? '' : 's'} ${name} of the paper ${run.length === 1 ? 'is' : 'are'} taught by no slide`,
      fix: `Name ${run.length === 1 ? 'it' : 'them'} in the slide that teaches ${run.length === 1 ? 'it' : 'them'} (\`<!-- .slide: source=${option} -->\`), or list ${run.length === 1 ? 'it' : 'them'} under \`leftOut:\` in ${LEFT_OUT_FILE} with a reason.`,
    });
  }
  for (const e of leftOut) {
    for (const n of e.paragraphs) {
      const slides = links.find((l) => l.paragraph === n)?.slides ?? [];
      if (slides.length) {
        errors.push({
          file: LEFT_OUT_FILE,
          line: e.line,
          problem: `¶${n} is listed as left out, but slide \`${slides[0]!.id}\` teaches it`,
          fix: 'Remove it from `leftOut`, or from the slide\'s `source=`.',
        });
      }
    }
  }
  return errors;
}

/** Consecutive numbers grouped: [3, 4, 5, 9] → [[3, 4, 5], [9]]. */
function runs(numbers: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const n of numbers) {
    const last = out.at(-1);
    if (last && n === last.at(-1)! + 1) last.push(n);
    else out.push([n]);
  }
  return out;
}
