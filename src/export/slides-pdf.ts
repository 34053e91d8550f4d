import type { Browser } from 'playwright-core';
import { deckError } from '../node/errors.ts';
import { manifestSlideIds, openDeckPage } from './deck-page.ts';
import { countPdfPages } from './pdf-pages.ts';
import { PEN_STORAGE_KEY } from './pen.ts';

/** The slide PDF, and what the exporter has to say about it. */
export interface SlidesPdf {
  pdf: Uint8Array;
  pages: number;
  warnings: string[];
}

/**
 * The query of the slide PDF: reveal.js's print view (`print-pdf`), with no margin around the
 * slide (reveal.js reads `margin=0` from the URL), so each page is exactly one 1280×720 slide;
 * `pen` asks the deck to draw the pen's saved marks.
 */
export function slidesPrintQuery(pen: boolean): string {
  return `?print-pdf&margin=0${pen ? '&pen' : ''}`;
}

/**
 * Prints `index.html?print-pdf` in Chromium: one page per slide, every step shown, diagrams
 * and widgets drawn. With `penJson` (the pen's stored marks) they are put into sessionStorage
 * before the deck loads. Fails, writing nothing, if the page count is not the slide count.
 */
export async function printSlides(browser: Browser, baseUrl: string, penJson: string | null): Promise<SlidesPdf> {
  const page = await openDeckPage(browser, new URL(`index.html${slidesPrintQuery(penJson !== null)}`, baseUrl).href, {
    viewport: { width: 1280, height: 720 },
    init: penJson === null ? undefined : {
      script: ({ key, value }) => {
        try {
          sessionStorage.setItem(key, value);
        } catch {
          // A page without storage prints without marks.
        }
      },
      arg: { key: PEN_STORAGE_KEY, value: penJson },
    },
  });
  try {
    const ids = await manifestSlideIds(page);
    await page.waitForFunction((n) => document.querySelectorAll('.reveal .pdf-page').length === n, ids.length, { timeout: 30_000 }).catch(() => undefined);
    const layout = await page.evaluate(() => {
      // reveal.js leaves the print view's slides marked hidden for assistive technology; on
      // paper every slide is shown, so its text and headings belong in the tagged PDF and outline.
      document.querySelectorAll('.reveal .slides section, .reveal .pdf-page').forEach((s) => {
        s.removeAttribute('aria-hidden');
        s.removeAttribute('hidden');
      });
      return {
        pages: document.querySelectorAll('.reveal .pdf-page').length,
        // reveal.js sizes the body to one page of its print view.
        width: parseFloat(document.body.style.width) || 1280,
        height: parseFloat(document.body.style.height) || 720,
      };
    });
    if (layout.pages !== ids.length) throw deckError(`the print view laid out ${layout.pages} pages for ${ids.length} slides`);
    const pdf = await page.pdf({
      width: `${layout.width}px`,
      height: `${layout.height}px`,
      printBackground: true,
      outline: true,
      tagged: true,
    });
    const pages = countPdfPages(pdf);
    if (pages !== null && pages !== ids.length) throw deckError(`slides.pdf came out with ${pages} pages for ${ids.length} slides`);
    const warnings: string[] = [];
    if (penJson !== null) {
      const unknown = Object.keys((JSON.parse(penJson) as { data: object }).data).filter((id) => !ids.includes(id));
      if (unknown.length) warnings.push(`[deck] the pen marks name slides the deck does not have: ${unknown.join(', ')}`);
    }
    return { pdf, pages: pages ?? ids.length, warnings };
  } finally {
    await page.context().close();
  }
}
