/** Shared by build (Node) and deck (browser): nothing here may import from either side. */

/**
 * Which slides teach each paragraph of the paper, by the slides' ids and titles (slide numbers
 * change with the lecture plan). Only paragraphs that some slide teaches are listed.
 */
export type ParagraphLinks = { paragraph: number; slides: { id: string; title: string }[] }[];

/** A paragraph of the paper's body that no slide teaches on purpose, and why. */
export interface LeftOutParagraph {
  paragraph: number;
  reason: string;
}

/** The paper page's data islands: `<script type="application/json">` with these ids. */
export const PAPER_LINKS_ID = 'deck-paper-links';
export const PAPER_LEFT_OUT_ID = 'deck-paper-left-out';

/** A paragraph's anchor in the paper page: `p-12`. */
export function paragraphId(n: number): string {
  return `p-${n}`;
}

/** The paragraphs a URL fragment names: `p-12` (one) or `p-12-13` (a range); null for anything else. */
export interface ParagraphRange {
  from: number;
  to: number;
}

/**
 * Reads `p-12` or `p-12-13` (after an optional prefix such as `paper/`, the one-file deck's view):
 * null when the fragment names no paragraph, or a range that runs backwards.
 */
export function parseParagraphFragment(fragment: string, prefix = ''): ParagraphRange | null {
  const text = decodeURIComponent(fragment.replace(/^#/, ''));
  if (!text.startsWith(prefix)) return null;
  const m = /^p-([1-9]\d*)(?:-([1-9]\d*))?$/.exec(text.slice(prefix.length));
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return to >= from ? { from, to } : null;
}

/** The fragment for a range of paragraphs: `p-12` or `p-12-13`. */
export function paragraphFragment(range: ParagraphRange): string {
  return range.to === range.from ? paragraphId(range.from) : `${paragraphId(range.from)}-${range.to}`;
}

/**
 * The body paragraphs that no slide teaches and that are not left out on purpose, in order: the
 * build fails while there are any (every paragraph of the paper is taught or knowingly skipped).
 */
export function coverage(
  paragraphs: readonly { n: number }[],
  links: ParagraphLinks,
  leftOut: readonly { paragraph: number }[],
): number[] {
  const taught = new Set(links.filter((l) => l.slides.length > 0).map((l) => l.paragraph));
  const skipped = new Set(leftOut.map((l) => l.paragraph));
  return paragraphs.map((p) => p.n).filter((n) => !taught.has(n) && !skipped.has(n));
}
