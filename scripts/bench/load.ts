import type { Browser } from 'playwright-core';
import { FIRST_SLIDE_MARK } from '../../src/shared/deck-model.ts';
import { throttle, type Throttling } from './throttle.ts';
import { readTimeline, receivedBeforeMark, requestedBeforeMark, watchFirstSlide, type PageTimeline, type Received } from './first-slide.ts';

/** One cold load of a page, up to its first slide being visible. */
export interface LoadRun {
  /** ms from navigation start to the first slide's heading painted in the deck font. */
  firstSlideMs: number;
  /** Bytes over the wire of the responses finished by then (headers and compressed bodies). */
  bytesBeforeFirstSlide: number;
  /** Those responses, and the requests still under way at that moment. */
  finished: Received[];
  inFlight: Received[];
  /** The heading is drawn in the deck's own font (not a system fallback). */
  inDeckFont: boolean;
  /** Diagrams in the document when the first slide showed, and with a finished SVG. */
  figuresAtFirstSlide: number;
  svgsAtFirstSlide: number;
  /** When every diagram was a finished SVG in the document (ms from navigation start), if it was. */
  diagramsReadyMs: number | null;
  /** Whether the page asked for Mermaid (the in-browser renderer) at all. */
  mermaidRequested: boolean;
}

/**
 * Opens `url` in a fresh browser context (an empty cache, new connections) at 1280×720 and
 * measures its first slide; `expectedDiagrams` is how many diagrams the deck has. Waits
 * `settleMs` after the mark so that later requests (e.g. Mermaid, were it loaded) are seen;
 * with `throttling`, under that profile (throttle.ts) from the first request on.
 */
export async function measureLoad(browser: Browser, url: string, expectedDiagrams: number, settleMs = 1500, throttling?: Throttling): Promise<LoadRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await watchFirstSlide(page, expectedDiagrams);
    if (throttling) await throttle(await context.newCDPSession(page), throttling);
    await page.goto(url, { waitUntil: 'commit' });
    let timeline: PageTimeline = await readTimeline(page, throttling ? 60_000 : undefined);
    await page.waitForTimeout(settleMs);
    const later = await readTimeline(page);
    timeline = { ...later, mark: timeline.mark };

    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[elementtiming="${FIRST_SLIDE_MARK}"]` });
    const { fonts } = nodeId ? await cdp.send('CSS.getPlatformFontsForNode', { nodeId }) : { fonts: [] };
    const inDeckFont = fonts.length > 0 && fonts.every((f) => f.isCustomFont);

    const finished = receivedBeforeMark(timeline);
    return {
      firstSlideMs: timeline.mark!.renderTime,
      bytesBeforeFirstSlide: finished.reduce((n, r) => n + r.transfer, 0),
      finished,
      inFlight: requestedBeforeMark(timeline).filter((r) => !finished.includes(r)),
      inDeckFont,
      figuresAtFirstSlide: timeline.mark!.figures,
      svgsAtFirstSlide: timeline.mark!.svgs,
      diagramsReadyMs: timeline.diagramsReady,
      mermaidRequested: timeline.received.some((r) => /mermaid/i.test(new URL(r.url).pathname)),
    };
  } finally {
    await context.close();
  }
}
