import type { Browser } from 'playwright-core';
import { openDeckPage } from './deck-page.ts';
import { countPdfPages } from './pdf-pages.ts';

/** The first Chromium that draws CSS `@page` margin boxes (the pages' numbers and running heads). */
export const MARGIN_BOXES_SINCE = 131;

/**
 * Prints one of the A4 pages (handout.html, notes.html) as Chromium's own print dialog would:
 * page size, margins, page numbers and running section titles all come from the page's CSS, so
 * the PDF is what a reader gets with Ctrl+P. An older Chromium without margin boxes gets page
 * numbers from the PDF footer instead.
 */
export async function printA4(browser: Browser, url: string): Promise<{ pdf: Uint8Array; pages: number | null }> {
  const page = await openDeckPage(browser, url, { viewport: { width: 1000, height: 1400 }, printMedia: true });
  try {
    const major = Number(browser.version().split('.')[0]);
    const footer = major > 0 && major < MARGIN_BOXES_SINCE;
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: footer,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="width:100%;font-size:8px;text-align:center;color:#4a5568"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return { pdf, pages: countPdfPages(pdf) };
  } finally {
    await page.context().close();
  }
}
