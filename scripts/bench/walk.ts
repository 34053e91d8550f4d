import type { Browser, CDPSession, Page } from 'playwright-core';
import { throttle, type Throttling } from './throttle.ts';

type RevealWindow = Window & { Reveal: import('reveal.js').RevealApi };

/** A walk through the presentation, every step of every slide, as a lecturer would. */
export interface WalkRun {
  slides: number;
  steps: number;
  /** Main-thread tasks longer than 50 ms while stepping (Long Tasks API), with the slide they happened on. */
  longTasks: { slide: string; ms: number }[];
  longestTaskMs: number;
  /** JS heap after the walk and a full garbage collection, in bytes. */
  heapBytes: number;
  /** Everything the page received, from navigation to the end of the walk (headers and bodies). */
  transferBytes: number;
  requests: number;
  /** By kind of file. */
  transferByKind: Record<string, number>;
}

/** Records every response's encoded length (headers and body) through the DevTools protocol. */
export async function recordTransfer(page: Page): Promise<{ cdp: CDPSession; total: () => { bytes: number; requests: number; byKind: Record<string, number> } }> {
  const cdp = await page.context().newCDPSession(page);
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await cdp.send('Network.enable');
  return {
    cdp,
    total: () => {
      const byKind: Record<string, number> = {};
      let bytes = 0;
      for (const [id, size] of sizes) {
        const url = urls.get(id) ?? '';
        if (url.startsWith('data:')) continue;
        bytes += size;
        const kind = kindOf(url);
        byKind[kind] = (byKind[kind] ?? 0) + size;
      }
      return { bytes, requests: sizes.size, byKind };
    },
  };
}

/** html, js, css, fonts or other, by a URL's or file name's extension. */
export function kindOf(url: string): string {
  const path = url.split(/[?#]/)[0]!;
  if (/\.html?$|\/$/.test(path)) return 'html';
  if (/\.m?js$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'fonts';
  return 'other';
}

/** Waits until no request has been under way for `quietMs` (or `maxMs` has passed). */
export async function networkQuiet(page: Page, quietMs = 1000, maxMs = 20_000): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: maxMs }).catch(() => undefined);
  await page.waitForTimeout(quietMs);
}

/**
 * Opens the presentation (1280×720, cold cache), lets it settle (the widgets load when the
 * browser is idle), then steps through every fragment and slide with reveal.js's `next()`,
 * two frames and a pause after each, recording long tasks; then collects garbage and reads the
 * JS heap. What was transferred, from the first request to the end, is counted too. With
 * `throttling` ('cpu': the phone's 4× slower CPU), the walk runs under it from the start.
 * Every slide of the deck (`?plan=all`), not only the default lecture plan's: the figures stay
 * comparable with the deck's size.
 */
export async function walkPresentation(browser: Browser, url: string, pauseMs = 120, throttling?: Throttling): Promise<WalkRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const transfer = await recordTransfer(page);
    if (throttling) await throttle(transfer.cdp, throttling);
    await page.goto(new URL('?plan=all', url).href);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', undefined, { timeout: 120_000 });
    await networkQuiet(page, 4000);

    const slides = await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getTotalSlides());
    const onSlide: { from: number; slide: string }[] = [];
    let steps = 0;
    for (;;) {
      const step = await page.evaluate(async () => {
        const r = (window as unknown as RevealWindow).Reveal;
        const last = r.isLastSlide() && !r.availableFragments().next;
        if (last) return null;
        const from = performance.now();
        r.next();
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return { from, slide: r.getCurrentSlide()?.id ?? '' };
      });
      if (!step) break;
      onSlide.push(step);
      steps++;
      await page.waitForTimeout(pauseMs);
    }
    await page.waitForTimeout(500);
    const start = onSlide[0]?.from ?? 0;
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
    const longTasks = tasks
      .filter((t) => t.start >= start && t.duration > 50)
      .map((t) => ({ slide: [...onSlide].reverse().find((s) => s.from <= t.start)?.slide ?? '', ms: Math.round(t.duration) }));

    await transfer.cdp.send('HeapProfiler.enable');
    await transfer.cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(200);
    await transfer.cdp.send('HeapProfiler.collectGarbage');
    const heapBytes = await page.evaluate(() => (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
    const total = transfer.total();
    return {
      slides,
      steps,
      longTasks,
      longestTaskMs: Math.round(Math.max(0, ...tasks.filter((t) => t.start >= start).map((t) => t.duration))),
      heapBytes,
      transferBytes: total.bytes,
      requests: total.requests,
      transferByKind: total.byKind,
    };
  } finally {
    await context.close();
  }
}

/** What the study view transferred on a phone, once read to the end. */
export interface StudyRun {
  transferBytes: number;
  requests: number;
  transferByKind: Record<string, number>;
}

/**
 * Opens the study view on a 390×844 phone (cold cache), scrolls it to the end a screen at a
 * time (so everything that loads when shown does), waits for the network to be quiet (the
 * widgets load when idle, as they would for a reader who stays), and counts what was transferred.
 */
export async function readStudyView(browser: Browser, url: string): Promise<StudyRun> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const transfer = await recordTransfer(page);
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    for (let more = true; more; ) {
      more = await page.evaluate(() => {
        const before = scrollY;
        scrollBy(0, innerHeight);
        return scrollY > before;
      });
      await page.waitForTimeout(60);
    }
    await networkQuiet(page, 4000);
    const total = transfer.total();
    return { transferBytes: total.bytes, requests: total.requests, transferByKind: total.byKind };
  } finally {
    await context.close();
  }
}
