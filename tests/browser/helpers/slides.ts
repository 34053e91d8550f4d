import type { Page } from 'playwright-core';
import type { RevealWindow } from './deck-page.ts';

/** Every slide's id, in deck order. */
export function slideIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as RevealWindow).Reveal.getSlides().map((s) => s.id));
}

/** Shows a slide with every step (fragment) of it shown. */
export async function showSlide(page: Page, id: string): Promise<void> {
  await page.evaluate((slideId) => {
    const deck = (window as unknown as RevealWindow).Reveal;
    const { h, v } = deck.getIndices(document.getElementById(slideId)!);
    deck.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
  }, id);
}

/** The id of the slide shown. */
export function currentSlide(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide()?.id ?? '');
}
