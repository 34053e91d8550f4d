import { PAPER_VIEW } from '../shared/paper.ts';

/** What Space and Enter press when it has the focus: a button, a 查看文字版 summary, a select. */
const PRESSABLE = 'button, summary, select, [role="button"]';

/**
 * reveal.js's `keyboardCondition`: Space and Enter belong to a focused control (they press it),
 * not to the slide navigation, so a keyboard user can press every button on a slide. While the
 * one-file deck shows the paper, no key belongs to the slides.
 */
export function keysForDeck(event: KeyboardEvent): boolean {
  // The one-file deck showing the paper (src/deck/paper/paper-in-page.ts): no key is the slides'.
  if (document.documentElement.dataset.deckView === PAPER_VIEW) return false;
  if (event.key !== ' ' && event.key !== 'Enter') return true;
  const active = document.activeElement;
  return !(active instanceof Element && active.matches(PRESSABLE));
}
