import type { Browser } from 'playwright-core';
import { printA4 } from './a4-pdf.ts';

/** The page the handout is printed from, and the file it is written to. */
export const HANDOUT = { page: 'handout.html', file: 'handout.pdf' } as const;

/** The A4 handout: cover, three slides a page beside lines for notes, worksheet, answers. */
export function printHandout(browser: Browser, baseUrl: string): Promise<{ pdf: Uint8Array; pages: number | null }> {
  return printA4(browser, new URL(HANDOUT.page, baseUrl).href);
}
