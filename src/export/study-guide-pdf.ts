import type { Browser } from 'playwright-core';
import { printA4 } from './a4-pdf.ts';

/** The page the study guide is printed from, and the file it is written to. */
export const STUDY_GUIDE = { page: 'notes.html', file: 'notes.pdf' } as const;

/** The A4 study guide: every slide followed by its notes, readable alone as a summary of the paper. */
export function printStudyGuide(browser: Browser, baseUrl: string): Promise<{ pdf: Uint8Array; pages: number | null }> {
  return printA4(browser, new URL(STUDY_GUIDE.page, baseUrl).href);
}
