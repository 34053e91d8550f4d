import type { Browser, Page } from 'playwright-core';
import { throttle } from './throttle.ts';

/** The phone of the study-view figures (CSS px), as the study view's tests use it. */
export const PHONE = { width: 390, height: 844 };

/** One cold load of a page on the phone, under the phone's throttling (throttle.ts). */
export interface PhoneRun {
  /** Largest contentful paint (ms from navigation start), and what it was. */
  lcpMs: number;
  lcpElement: string;
  /** First contentful paint. */
  fcpMs: number;
  /** When the deck said it was ready (`data-deck-ready`), if it is a deck. */
  readyMs: number | null;
  /** Lighthouse's definition: Σ (task − 50 ms) over the main-thread tasks after first contentful paint. */
  totalBlockingMs: number;
  longestTaskMs: number;
  /** Cumulative layout shift (largest session window, as web-vitals and Lighthouse count it), and every shift seen. */
  cls: number;
  shifts: { at: number; value: number }[];
}

declare global {
  interface Window {
    __phoneBench?: { lcp: { at: number; element: string }[]; shifts: { at: number; value: number; input: boolean }[]; tasks: { start: number; duration: number }[] };
  }
}

/** Installs, before any of the page's own scripts, the observers of LCP, layout shifts and long tasks. */
async function watchVitals(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { lcp: [] as { at: number; element: string }[], shifts: [] as { at: number; value: number; input: boolean }[], tasks: [] as { start: number; duration: number }[] };
    window.__phoneBench = state;
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { renderTime: number; loadTime: number; element: Element | null })[]) {
        const el = e.element;
        state.lcp.push({ at: e.renderTime || e.loadTime || e.startTime, element: el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 16)}”` : '' });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) state.shifts.push({ at: e.startTime, value: e.value, input: e.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * Opens `url` on a 390×844 phone (a fresh context: empty cache, new connections) under the
 * phone's network and CPU, waits until it is ready (`data-deck-ready`, or the load event for a
 * static page) and `settleMs` more (the blocking time counts what runs then too), and reads
 * LCP, TBT and CLS as Lighthouse defines them.
 */
export async function measurePhone(browser: Browser, url: string, settleMs = 3000): Promise<PhoneRun> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await watchVitals(page);
    await throttle(await context.newCDPSession(page), 'phone');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const isDeck = await page.evaluate(() => document.querySelector('script[type="module"]') !== null);
    if (isDeck) await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', undefined, { timeout: 120_000 });
    const readyMs = isDeck ? await page.evaluate(() => performance.now()) : null;
    await page.waitForTimeout(settleMs);
    const seen = await page.evaluate(() => ({ ...window.__phoneBench!, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0 }));
    const lcp = seen.lcp.at(-1) ?? { at: NaN, element: '' };
    const after = seen.tasks.filter((t) => t.start >= seen.fcp);
    return {
      lcpMs: Math.round(lcp.at),
      lcpElement: lcp.element,
      fcpMs: Math.round(seen.fcp),
      readyMs: readyMs === null ? null : Math.round(readyMs),
      totalBlockingMs: Math.round(after.reduce((n, t) => n + Math.max(0, t.duration - 50), 0)),
      longestTaskMs: Math.round(Math.max(0, ...seen.tasks.map((t) => t.duration))),
      cls: Number(largestSessionWindow(seen.shifts.filter((s) => !s.input)).toFixed(4)),
      shifts: seen.shifts.filter((s) => !s.input).map((s) => ({ at: Math.round(s.at), value: Number(s.value.toFixed(4)) })),
    };
  } finally {
    await context.close();
  }
}

/** CLS: the largest sum of shifts in a window of at most 5 s with gaps under 1 s. */
function largestSessionWindow(shifts: readonly { at: number; value: number }[]): number {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.at - last >= 1000 || s.at - first >= 5000) {
      first = s.at;
      sum = 0;
    }
    sum += s.value;
    last = s.at;
    best = Math.max(best, sum);
  }
  return best;
}

/**
 * The static-page limit of the study view: its first screen as the study view shows it on the
 * phone (unthrottled, once ready and its fonts in), kept as HTML with the page's `<head>`
 * (stylesheets, font rules, preloads) and without any script or anything below the screen.
 * Nothing can paint that screen sooner than this page, with the same CSS and fonts.
 */
export async function studyLimitPage(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', undefined, { timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready);
    return await page.evaluate(() => {
      const screen = innerHeight;
      // Everything that starts below the first screen goes; so do scripts and module preloads.
      const below = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().top >= screen);
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      const all = [...document.documentElement.querySelectorAll('*')];
      const copies = [...copy.querySelectorAll('*')];
      for (const el of below) copies[all.indexOf(el)]?.remove();
      copy.querySelectorAll('script, link[rel="modulepreload"], link[rel="next"]').forEach((el) => el.remove());
      copy.removeAttribute('data-deck-ready');
      return `<!doctype html>\n${copy.outerHTML}`;
    });
  } finally {
    await context.close();
  }
}
