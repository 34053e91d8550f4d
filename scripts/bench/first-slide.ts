import type { Page } from 'playwright-core';
import { FIRST_SLIDE_MARK } from '../../src/shared/deck-model.ts';

/**
 * "First slide visible": the render time of the Element Timing entry of the first slide's
 * heading (the build gives it `elementtiming="deck-first-slide"`). Chromium reports a text
 * element when its text is first painted, and text whose web font is still in its block period
 * is not painted: so this is the moment the heading shows, in the deck font. It is the same
 * element, with the same CSS and fonts, in the deck and in the static first-slide page, so the
 * two are measured alike (unlike first-contentful-paint, which any other text could trigger).
 */
export interface FirstSlideMark {
  /** Milliseconds from navigation start. */
  renderTime: number;
  /** Diagram figures in the document at that moment, and how many of them hold a finished SVG. */
  figures: number;
  svgs: number;
}

/** One response the page received, as the Resource Timing API saw it (the document included). */
export interface Received {
  url: string;
  /** Request start and response end, ms from navigation start. */
  start: number;
  end: number;
  /** Bytes over the wire (headers and compressed body). */
  transfer: number;
  /** The compressed body alone. */
  body: number;
}

/** What the page saw up to now: the mark (null until the heading paints) and every response. */
export interface PageTimeline {
  mark: FirstSlideMark | null;
  received: Received[];
  /** When every diagram figure of `expectedDiagrams` held an SVG (ms from navigation start), if it happened. */
  diagramsReady: number | null;
  longTasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    __deckBench?: { mark: FirstSlideMark | null; diagramsReady: number | null; longTasks: { start: number; duration: number }[] };
  }
}

/**
 * Installs, before any of the page's own scripts, the observers the bench reads: the first
 * slide's element timing, long tasks, and (given how many diagrams the deck has) the moment all
 * of them are finished SVGs in the document.
 */
export async function watchFirstSlide(page: Page, expectedDiagrams = 0): Promise<void> {
  await page.addInitScript(
    ({ mark, expected }) => {
      const state = { mark: null as FirstSlideMark | null, diagramsReady: null as number | null, longTasks: [] as { start: number; duration: number }[] };
      window.__deckBench = state;
      performance.setResourceTimingBufferSize(2000);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number; loadTime?: number })[]) {
          if (e.identifier !== mark || state.mark) continue;
          state.mark = {
            renderTime: e.renderTime || e.loadTime || e.startTime,
            figures: document.querySelectorAll('figure[data-deck-diagram]').length,
            svgs: document.querySelectorAll('figure[data-deck-diagram] > svg').length,
          };
        }
      }).observe({ type: 'element', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      if (expected > 0) {
        // (No named functions in here: tsx would wrap them in a helper the page does not have.)
        const observer = new MutationObserver(() => {
          if (state.diagramsReady !== null || document.querySelectorAll('figure[data-deck-diagram] > svg').length < expected) return;
          state.diagramsReady = performance.now();
          observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true });
      }
    },
    { mark: FIRST_SLIDE_MARK, expected: expectedDiagrams },
  );
}

/** Waits (up to `timeoutMs`) for the first slide's mark, then reads the timeline. */
export async function readTimeline(page: Page, timeoutMs = 15_000): Promise<PageTimeline> {
  await page.waitForFunction(() => window.__deckBench?.mark != null, undefined, { timeout: timeoutMs });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const entries = [nav, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])];
    const state = window.__deckBench!;
    return {
      mark: state.mark,
      diagramsReady: state.diagramsReady,
      longTasks: state.longTasks,
      received: entries
        .filter((e) => !e.name.startsWith('data:'))
        .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd, transfer: e.transferSize, body: e.encodedBodySize })),
    };
  });
}

/** The responses that had finished by the time the first slide was visible. */
export function receivedBeforeMark(t: PageTimeline): Received[] {
  return t.mark ? t.received.filter((r) => r.end > 0 && r.end <= t.mark!.renderTime) : [];
}

/** The requests made before the first slide was visible (finished or not). */
export function requestedBeforeMark(t: PageTimeline): Received[] {
  return t.mark ? t.received.filter((r) => r.start <= t.mark!.renderTime) : [];
}
