import { FIRST_SLIDE_MARK } from '../../shared/deck-model.ts';

/** Longest wait for the first slide: the font block period (the text shows in a fallback font after it). */
const FIRST_PAINT_TIMEOUT_MS = 3000;

/**
 * Resolves once the first slide's heading has been painted (Element Timing), or where the
 * browser cannot tell or the slide is not shown (a phone paints the study view's first screen
 * instead), once the fonts it started loading are in and a frame has been drawn; never later
 * than FIRST_PAINT_TIMEOUT_MS (a background tab draws no frames).
 */
export function firstSlidePainted(): Promise<void> {
  const painted = new Promise<void>((resolve) => {
    const mark = document.querySelector<HTMLElement>(`[elementtiming="${FIRST_SLIDE_MARK}"]`);
    if (!mark) return resolve();
    if (PerformanceObserver.supportedEntryTypes?.includes('element') && mark.getClientRects().length > 0) {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === FIRST_SLIDE_MARK)) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe({ type: 'element', buffered: true });
    } else {
      const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      void frame().then(() => document.fonts.ready).then(frame).then(resolve);
    }
  });
  return Promise.race([painted, new Promise<void>((r) => setTimeout(r, FIRST_PAINT_TIMEOUT_MS))]);
}
