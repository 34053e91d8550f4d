import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { deckError } from '../node/errors.ts';

/** How long a page may take to be ready for print (build-time diagrams make it quick; this is a guard). */
export const READY_TIMEOUT_MS = 60_000;

/** What to open, and how. */
export interface OpenOptions {
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Lay the page out for print before it loads (so widgets measure their printed size). @default false */
  printMedia?: boolean;
  /**
   * Wait for every custom element of the page to be defined before it counts as ready (print
   * views define them all at once). The PNG export passes false and waits per slide instead:
   * the preview defines a widget only when its slide is near. @default true
   */
  waitForWidgets?: boolean;
  /** Runs in the page before any of its scripts (e.g. to put pen marks into sessionStorage). */
  init?: { script: (arg: { key: string; value: string }) => void; arg: { key: string; value: string } };
}

/**
 * Opens a page of the built deck and waits until it is finished: the deck's own signal
 * (`data-deck-ready`), every custom element defined (widgets draw their default state when
 * connected), the fonts loaded, and two frames of layout. Errors the page throws are collected
 * and named if it never gets ready.
 */
export async function openDeckPage(browser: Browser, url: string, options: OpenOptions): Promise<Page> {
  const contextOptions: BrowserContextOptions = { viewport: options.viewport, deviceScaleFactor: options.deviceScaleFactor ?? 1 };
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.printMedia) await page.emulateMedia({ media: 'print' });
  if (options.init) await page.addInitScript(options.init.script, options.init.arg);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', undefined, { timeout: READY_TIMEOUT_MS });
    if (options.waitForWidgets ?? true) await settle(page);
  } catch (e) {
    await context.close().catch(() => undefined);
    const cause = errors.length ? `the page threw: ${errors.slice(0, 3).join(' | ')}` : (e instanceof Error ? e.message.split('\n')[0] : String(e));
    throw deckError(`${url} did not get ready for print: ${cause}`, e);
  }
  return page;
}

/** Waits for widgets to be defined, for fonts, and for two frames, plus a short settle for drawings. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const names = new Set([...document.querySelectorAll(':not(:defined)')].map((el) => el.localName).filter((n) => n.includes('-')));
    await Promise.race([Promise.all([...names].map((n) => customElements.whenDefined(n))), new Promise((r) => setTimeout(r, 5000))]);
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** The slide ids in deck order, from the manifest the build embedded in the page. */
export async function manifestSlideIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const manifest = JSON.parse(document.getElementById('deck-manifest')?.textContent ?? '{"sections":[]}') as { sections: { slides: { id: string }[] }[] };
    return manifest.sections.flatMap((s) => s.slides.map((sl) => sl.id));
  });
}
