import type { Browser } from 'playwright-core';
import { networkQuiet, recordTransfer } from './walk.ts';

/** Everything a view transferred by the time it was ready and the network quiet, with the JS heap then. */
export interface OpenedRun {
  readyMs: number;
  transferBytes: number;
  requests: number;
  heapBytes: number;
}

/**
 * Opens `url` (cold cache; `phone`: 390×844, else 1280×720), waits until the deck is ready and
 * the network quiet, and counts what was transferred (nothing scrolled or stepped: the same
 * procedure on a deck of any size) and the JS heap after a full garbage collection.
 */
export async function openedView(browser: Browser, url: string, phone: boolean): Promise<OpenedRun> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const transfer = await recordTransfer(page);
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', undefined, { timeout: 120_000 });
    const readyMs = await page.evaluate(() => performance.now());
    await networkQuiet(page, 2000);
    await transfer.cdp.send('HeapProfiler.enable');
    await transfer.cdp.send('HeapProfiler.collectGarbage');
    const heapBytes = await page.evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    const total = transfer.total();
    return { readyMs: Math.round(readyMs), transferBytes: total.bytes, requests: total.requests, heapBytes };
  } finally {
    await context.close();
  }
}
