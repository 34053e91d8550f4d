import type { Browser, Page } from 'playwright-core';
import { spread, type Spread } from './stats.ts';
import { throttle, type Throttling } from './throttle.ts';

type RevealWindow = Window & { Reveal: import('reveal.js').RevealApi };

/** What one → costs the main thread in the presentation, with and without the deck's own tools. */
export interface KeypressRun {
  /** Slides reveal.js runs (the plan's, or every one with `?plan=all`). */
  slides: number;
  /** ms per → : the key's handlers, then the style and layout they leave, forced at once. */
  deckMs: Spread;
  /** The same steps on reveal.js alone (the deck's tools destroyed, reveal.js started again without them): the floor. */
  revealOnlyMs: Spread | null;
}

/** Steps measured per run, from the first slide on (the same slides in a deck of any size). */
const STEPS = 40;

/** Presses → STEPS times (a real key event, as a lecturer's), timing each press to the end of its layout. */
async function pressRight(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const ms = await page.evaluate(async () => {
      const started = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39, which: 39, bubbles: true } as KeyboardEventInit));
      document.body.getBoundingClientRect();
      const took = performance.now() - started;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return took;
    });
    times.push(ms);
    await page.waitForTimeout(30);
  }
  return times;
}

/**
 * Opens the presentation at `url` (1280×720; no throttling unless asked: what grows with the deck
 * is what is compared), waits until it is ready and quiet, and times STEPS presses of →; then destroys the
 * deck's tools (`Reveal.destroy()`), starts reveal.js again on the same slides with no plugin,
 * and times the same presses: reveal.js's own per-move work, which no change of ours can remove.
 */
export async function measureKeypress(browser: Browser, url: string, throttling?: Throttling): Promise<KeypressRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    if (throttling) await throttle(await context.newCDPSession(page), throttling);
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', undefined, { timeout: 120_000 });
    await page.waitForTimeout(4000);
    const slides = await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getTotalSlides());
    const deckMs = spread(await pressRight(page), 1);
    const bare = await page.evaluate(async () => {
      const r = (window as unknown as RevealWindow).Reveal;
      const config = r.getConfig();
      try {
        r.destroy();
        await r.initialize({ ...config, plugins: [], keyboardCondition: null, hash: false });
        r.slide(0, 0);
        return true;
      } catch {
        return false;
      }
    });
    await page.waitForTimeout(1000);
    return { slides, deckMs, revealOnlyMs: bare ? spread(await pressRight(page), 1) : null };
  } finally {
    await context.close();
  }
}
