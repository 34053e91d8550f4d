import type { PaperDocument } from './read-paper.ts';

/** A run of text as a slide shows it, with the file line it starts on (a run may span lines). */
export interface TextRun {
  text: string;
  line: number;
}

/** A quotation in “…”, as written, with the file line of its opening mark. */
export interface Quotation {
  text: string;
  line: number;
}

/** Where a quotation is in the paper: in which body paragraphs, or not at all. */
export type QuotationPlace =
  | { verbatim: true; paragraphs: number[]; length: number }
  | { verbatim: false; missing: string };

/** The paper's text, as quotations are looked up in it: each paragraph of the body by number, the rest (front matter, headings, references, English block) without one. */
export interface PaperText {
  places: { text: string; paragraph: number | null }[];
  paragraphs: number;
}

/** A quotation shorter than this (in characters, spaces and elisions left out) may come from any of several paragraphs: it is not held to the slide's `source=`. */
export const SHORT_QUOTATION = 10;

/** Stands for what is not text inside a run (a citation, a formula): no quotation of the paper holds it. */
export const NOT_TEXT = '\uFFFC';

const OPEN = '“';
const CLOSE = '”';
/** An elision inside a quotation: the parts around it are looked up one by one. */
const ELISION = /…+/;
const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

/**
 * Text as quotations are compared: no whitespace, one width for the punctuation the paper's
 * source mixes (its second half has half-width commas and colons in Chinese text).
 */
export function normaliseQuoted(text: string): string {
  return [...text.replace(/\s+/g, '')].map((c) => HALF_TO_FULL[c] ?? c).join('');
}

/**
 * The quotations in some runs of text: each “…” (an opening mark, then the text up to the next
 * closing mark; an opening mark without its closing one starts nothing), with the line of its
 * opening mark. The runs are read as one text, so a quotation may cross from one to the next.
 */
export function quotationsIn(runs: readonly TextRun[]): Quotation[] {
  const out: Quotation[] = [];
  let open: { at: number; line: number } | null = null;
  let text = '';
  for (const run of runs) {
    let line = run.line;
    for (const c of run.text) {
      if (c === OPEN) open = { at: text.length + 1, line };
      else if (c === CLOSE && open) {
        out.push({ text: text.slice(open.at), line: open.line });
        open = null;
      }
      text += c;
      if (c === '\n') line++;
    }
  }
  return out;
}

/** The paper's text for looking up quotations (see PaperText). */
export function paperText(doc: PaperDocument): PaperText {
  const places: PaperText['places'] = doc.paragraphs.map((p) => ({ text: normaliseQuoted(p.text), paragraph: p.n }));
  const other = [
    doc.title,
    ...Object.values(doc.front).map((f) => f?.text ?? ''),
    ...doc.body.filter((b) => b.kind === 'heading').map((h) => h.text),
    ...(doc.references?.entries.map((e) => e.text) ?? []),
    doc.english?.title ?? '',
    doc.english?.abstract?.text ?? '',
    doc.english?.keywords?.text ?? '',
  ];
  for (const text of other.filter(Boolean)) places.push({ text: normaliseQuoted(text), paragraph: null });
  return { places, paragraphs: doc.paragraphs.length };
}

/**
 * Finds a quotation in the paper: each part of it (around an elision ……) must be the paper's
 * words, within one paragraph or one field of the front matter, references or English block.
 * Its paragraphs are the body paragraphs that hold every part (or, for a quotation joined from
 * several paragraphs, those that hold one); none for words found only outside the body (the
 * abstract). Its length counts the parts' characters.
 */
export function locateQuotation(quotation: string, paper: PaperText): QuotationPlace {
  const parts = quotation.split(ELISION).map(normaliseQuoted).filter(Boolean);
  const holding = parts.map((part) => paper.places.filter((p) => p.text.includes(part)));
  const missing = parts.find((_, i) => holding[i]!.length === 0);
  if (missing !== undefined) return { verbatim: false, missing };
  const numbered = holding.map((places) => new Set(places.map((p) => p.paragraph).filter((n): n is number => n !== null)));
  const all = [...(numbered[0] ?? [])].filter((n) => numbered.every((set) => set.has(n)));
  const paragraphs = all.length ? all : [...new Set(numbered.flatMap((set) => [...set]))];
  return { verbatim: true, paragraphs: paragraphs.sort((a, b) => a - b), length: parts.reduce((n, p) => n + [...p].length, 0) };
}

/** What is wrong with a quotation on a slide whose source is `source` (null: the slide names none), or null. */
export function quotationProblem(quotation: Quotation, source: readonly number[] | null, paper: PaperText): { problem: string; fix: string } | null {
  const place = locateQuotation(quotation.text, paper);
  const shown = shorten(quotation.text);
  if (!place.verbatim) {
    const part = place.missing === normaliseQuoted(quotation.text) ? '' : ` (its words “${shorten(place.missing)}” are not)`;
    return {
      problem: `quotation “${shown}” is not in the paper${part}`,
      fix: 'Quote the paper word for word, an omission marked ……; write our own words without “…” (in 「…」, or with none).',
    };
  }
  if (!source || place.length < SHORT_QUOTATION || place.paragraphs.length === 0) return null;
  if (place.paragraphs.some((n) => source.includes(n))) return null;
  const from = place.paragraphs.map((n) => `¶${n}`).join(' or ');
  return {
    problem: `quotation from ${from} but the slide's source is ${paragraphList(source)}: “${shown}”`,
    fix: `Name ${place.paragraphs.length === 1 ? `¶${place.paragraphs[0]}` : 'one of them'} in the slide's \`source=\` if the slide teaches it, or quote the paragraphs the slide names.`,
  };
}

/** `¶12–13`, `¶3, ¶5–7`: paragraphs as error messages name them. */
export function paragraphList(numbers: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([a, b]) => (a === b ? `¶${a}` : `¶${a}–${b}`)).join(', ');
}

/** The start of a long quotation, enough to find it on its line. */
function shorten(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > 16 ? `${chars.slice(0, 14).join('')}…` : chars.join('');
}
