import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { deckError } from '../node/errors.ts';
import { manifestSlideIds, openDeckPage } from './deck-page.ts';
import { pngName, pngSize } from './png-size.ts';

/** Slide images are 1280×720 slides drawn at 1.5× (1920×1080), for learning platforms and chats. */
export const PNG_SCALE = 1.5;

/**
 * The deck as a speaker-view preview (`receiver`: reveal.js and the diagrams, none of the lecture
 * tools on top), with no margin, controls, progress bar, slide number or transition.
 */
export const PNG_QUERY = '?receiver&margin=0&controls=false&progress=false&slideNumber=false&transition=none&backgroundTransition=none&plan=all';

/** How long a shown slide's widgets may take to be defined (the page loads a widget's module when its slide is near). */
export const WIDGET_TIMEOUT_MS = 15_000;

/**
 * How many pages take pictures at once. Capturing a 1920×1080 slide is most of a slide's time
 * and one page can only show one slide at a time: two pages, each taking the next slide not yet
 * taken, keep two cores busy.
 */
export const PNG_PAGES = 2;

/**
 * Writes `<number>-<slide-id>.png` (pngName) into `dir` (an empty folder: see freshFolder) for
 * every slide, each in its final state (all steps shown); `progress` hears of each slide once it
 * is written (`done` counts them; with several pages the slides finish nearly in order).
 * Returns the files written, in deck order.
 */
export async function exportPngs(browser: Browser, baseUrl: string, dir: string, progress: (done: number, total: number, id: string) => void = () => undefined): Promise<string[]> {
  const opened = await Promise.allSettled(Array.from({ length: PNG_PAGES }, () => openPreview(browser, baseUrl)));
  const pages = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  try {
    const failure = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
    const ids = await manifestSlideIds(pages[0]!.page);
    const files: string[] = new Array<string>(ids.length);
    let next = 0;
    let done = 0;
    let failed = false;
    await Promise.all(
      pages.map(async ({ page, cdp }) => {
        while (next < ids.length && !failed) {
          const i = next++;
          const id = ids[i]!;
          try {
            await showSlide(page, id);
            // Chromium's own capture, encoded for speed: Playwright's screenshot() restyles the page
            // around each capture (caret, fonts), which cost more than the rest of a slide together.
            const { data } = await cdp.send('Page.captureScreenshot', {
              format: 'png',
              clip: { x: 0, y: 0, width: 1280, height: 720, scale: PNG_SCALE },
              captureBeyondViewport: false,
              optimizeForSpeed: true,
            });
            const png = Buffer.from(data, 'base64');
            const size = pngSize(png);
            if (size?.width !== 1280 * PNG_SCALE || size.height !== 720 * PNG_SCALE) {
              throw deckError(`the picture of slide ${id} is ${size ? `${size.width}×${size.height}` : 'not a PNG'}, not ${1280 * PNG_SCALE}×${720 * PNG_SCALE}`);
            }
            const file = join(dir, pngName(i, id, ids.length));
            await writeFile(file, png);
            files[i] = file;
            progress(++done, ids.length, id);
          } catch (e) {
            failed = true;
            throw e;
          }
        }
      }),
    );
    return files;
  } finally {
    await Promise.all(pages.map(({ page }) => page.context().close().catch(() => undefined)));
  }
}

/** The deck's preview, ready for pictures: transitions off, and a CDP session of its own for the capture. */
async function openPreview(browser: Browser, baseUrl: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await openDeckPage(browser, new URL(`index.html${PNG_QUERY}`, baseUrl).href, {
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: PNG_SCALE,
    // The preview defines a widget when its slide is near: each slide waits for its own (showSlide).
    waitForWidgets: false,
  });
  try {
    // Steps appear at once: a picture is taken of the final state, not of a fade.
    await page.addStyleTag({ content: '.reveal .slides section, .reveal .fragment { transition: none !important; animation: none !important; }' });
    return { page, cdp: await page.context().newCDPSession(page) };
  } catch (e) {
    await page.context().close().catch(() => undefined);
    throw e;
  }
}

/**
 * Shows one slide with every step, then waits until it is ready for its picture: its own custom
 * elements defined (only those: the page defines the others when their slide is near), the fonts
 * loaded, two frames drawn. Fails naming a widget that never got defined.
 */
async function showSlide(page: Page, slideId: string): Promise<void> {
  const result = await page.evaluate(
    async ({ id, timeout }) => {
      const reveal = (window as unknown as { Reveal: import('reveal.js').RevealApi }).Reveal;
      const slide = document.getElementById(id);
      if (!slide) return { shown: false, missing: [] };
      const { h, v } = reveal.getIndices(slide);
      reveal.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
      if (reveal.getCurrentSlide() !== slide) return { shown: false, missing: [] };
      const names = [...new Set([...slide.querySelectorAll(':not(:defined)')].map((el) => el.localName).filter((n) => n.includes('-')))];
      if (names.length) {
        let timer = 0;
        await Promise.race([Promise.all(names.map((n) => customElements.whenDefined(n))), new Promise((r) => (timer = window.setTimeout(r, timeout)))]);
        clearTimeout(timer);
      }
      await document.fonts.ready;
      // A widget sizes itself to the slide once shown: two frames to redraw.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { shown: true, missing: names.filter((n) => !customElements.get(n)) };
    },
    { id: slideId, timeout: WIDGET_TIMEOUT_MS },
  );
  if (!result.shown) throw deckError(`slide ${slideId} could not be shown for its picture`);
  if (result.missing.length) throw deckError(`slide ${slideId}: ${result.missing.map((n) => `<${n}>`).join(', ')} never got defined, so its picture would show the fallback text`);
}
