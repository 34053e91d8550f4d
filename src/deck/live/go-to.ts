import type { RevealApi } from 'reveal.js';

/**
 * Shows a slide by its id (never its index: a lecture plan hides slides on the lecturer's page
 * only) at a step; reveal.js's fragment index is step − 1. False when the deck has no such slide.
 */
export function goTo(deck: RevealApi, slideId: string, step: number): boolean {
  const slide = document.getElementById(slideId);
  if (!slide || slide.tagName !== 'SECTION' || !deck.getSlidesElement()?.contains(slide)) return false;
  const { h, v } = deck.getIndices(slide);
  deck.slide(h, v, step - 1);
  return true;
}
