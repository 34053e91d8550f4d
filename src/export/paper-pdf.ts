import type { Browser } from 'playwright-core';
import { printA4 } from './a4-pdf.ts';

/** The page the paper is printed from, and the file it is written to. */
export const PAPER = { page: 'paper.html', file: 'paper.pdf' } as const;

/**
 * The paper in A4, for a class to annotate the original: every body paragraph numbered in the
 * margin as on the slides (¶12), selectable Chinese text, a bookmark per heading (paper.css).
 */
export function printPaper(browser: Browser, baseUrl: string): Promise<{ pdf: Uint8Array; pages: number | null }> {
  return printA4(browser, new URL(PAPER.page, baseUrl).href);
}
