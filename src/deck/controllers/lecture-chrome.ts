import type { RevealApi } from 'reveal.js';
import { whenReady, type ToolFactory } from '../tool.ts';

/** The class on reveal.js's element while the lecture chrome is off (overlays.css hides it). */
const CHROME_OFF_CLASS = 'deck-chrome-off';

/**
 * The lecture chrome (the toolbar with its section label, reveal.js's slide number) shows only
 * with reveal.js's own controls. Exporters ask for the slides alone by turning the controls
 * off: `?controls=false`, or DeckTape's `Reveal.configure({ controls: false })` after the deck
 * has started. reveal.js tells no one of a new config, but it shows or hides its controls at
 * once: their style attribute is what this follows.
 */
export const lectureChrome: ToolFactory = () => {
  let observer: MutationObserver | null = null;
  let reveal: HTMLElement | null = null;
  const follow = (deck: RevealApi): void => {
    reveal = deck.getRevealElement() ?? null;
    const controls = reveal?.querySelector(':scope > .controls');
    const update = (): void => void reveal?.classList.toggle(CHROME_OFF_CLASS, !deck.getConfig().controls);
    update();
    if (!controls) return;
    observer = new MutationObserver(update);
    observer.observe(controls, { attributes: true, attributeFilter: ['style'] });
  };
  return {
    id: 'deck-lecture-chrome',
    init(deck) {
      whenReady(deck, () => follow(deck));
    },
    destroy() {
      observer?.disconnect();
      observer = null;
      reveal?.classList.remove(CHROME_OFF_CLASS);
    },
  };
};
