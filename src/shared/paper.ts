/** Shared by build (Node) and deck (browser): nothing here may import from either side. */

import { UI } from './ui-strings.ts';

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
/** The one-file deck's copy of the paper page's content, in index.html: `<template>` with this id. */
export const PAPER_TEMPLATE_ID = 'deck-paper-template';
/** What comes before `p-12` in the one-file deck's address of the paper view: `#paper/p-12`. */
export const PAPER_VIEW_PREFIX = 'paper/';
/** `<html data-deck-view="paper">` while the one-file deck shows the paper instead of the slides. */
export const PAPER_VIEW = 'paper';

/** A paragraph's anchor in the paper page: `p-12`. */
export function paragraphId(n: number): string {
  return `p-${n}`;
}

/** A run of consecutive paragraphs, `from` ≤ `to`. */
export interface ParagraphRange {
  from: number;
  to: number;
}

/**
 * Reads the paragraphs a URL fragment names (after an optional prefix such as `paper/`, the
 * one-file deck's view): `p-12` (one), `p-12-13` (a range) or `p-3,5-7` (several, as a slide's
 * `source=3,5-7`), as runs in the order written; null when the fragment names no paragraph, or
 * has a range that runs backwards.
 */
export function parseParagraphFragment(fragment: string, prefix = ''): ParagraphRange[] | null {
  const text = decodeURIComponent(fragment.replace(/^#/, ''));
  if (!text.startsWith(prefix) || !text.slice(prefix.length).startsWith('p-')) return null;
  const ranges: ParagraphRange[] = [];
  for (const part of text.slice(prefix.length + 2).split(',')) {
    const m = /^([1-9]\d*)(?:-([1-9]\d*))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return null;
    ranges.push({ from, to });
  }
  return ranges;
}

/** Consecutive paragraphs as runs, ascending: [3, 5, 6, 7] → 3, 5–7. */
export function paragraphRanges(paragraphs: readonly number[]): ParagraphRange[] {
  const out: ParagraphRange[] = [];
  for (const n of [...new Set(paragraphs)].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && n === last.to + 1) last.to = n;
    else out.push({ from: n, to: n });
  }
  return out;
}

/** The fragment for some paragraphs: `p-12`, `p-12-13`, `p-3,5-7` (what parseParagraphFragment reads). */
export function paragraphFragment(ranges: ParagraphRange | readonly ParagraphRange[]): string {
  const list = Array.isArray(ranges) ? ranges : [ranges as ParagraphRange];
  return `p-${list.map((r) => (r.to === r.from ? `${r.from}` : `${r.from}-${r.to}`)).join(',')}`;
}

/** Runs as the reader sees them: 「¶3、¶5–7」. */
export function runsText(ranges: readonly ParagraphRange[]): string {
  return ranges.map((r) => (r.from === r.to ? UI.paper.one(r.from) : UI.paper.run(r.from, r.to))).join(UI.paper.runSeparator);
}

/** A slide's link text: 「原文¶12–13」; beyond three runs, the first two and the count. */
export function sourceLinkText(ranges: readonly ParagraphRange[]): string {
  if (ranges.length <= 3) return UI.paper.sourceLink(runsText(ranges));
  const count = ranges.reduce((n, r) => n + r.to - r.from + 1, 0);
  return UI.paper.sourceLinkMany(runsText(ranges.slice(0, 2)), count);
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
