import type { RevealApi } from 'reveal.js';
import { UI } from '../../shared/ui-strings.ts';
import { whenReady, type ToolFactory } from '../tool.ts';

/** reveal.js's own English labels of its controls, in the deck's language. */
const CONTROL_LABELS: Record<string, string> = {
  'navigate-left': UI.aria.previous,
  'navigate-right': UI.aria.next,
  'navigate-up': UI.aria.up,
  'navigate-down': UI.aria.down,
};

/** reveal.js's boxes that come and go (`G`'s jump box, the search plugin's box): their input, and its words. */
const BOXES: { input: string; words: string }[] = [
  { input: '.jump-to-slide-input', words: UI.aria.jumpToSlide },
  { input: '.searchinput', words: UI.aria.searchSlides },
];

/**
 * Every word reveal.js and its plugins show or speak, in the deck's language: the controls'
 * names and the pause overlay's button once it is ready, and the jump and search boxes each time
 * one is put into the page (reveal.js adds the jump box only while it is open, the search plugin
 * builds its box on first use), before it is painted.
 */
export const revealWords: ToolFactory = () => {
  let observer: MutationObserver | null = null;
  const translateBoxes = (reveal: HTMLElement): void => {
    for (const { input, words } of BOXES) {
      const el = reveal.querySelector<HTMLInputElement>(input);
      if (el && el.placeholder !== words) {
        el.placeholder = words;
        el.setAttribute('aria-label', words);
      }
    }
  };
  const translateControls = (deck: RevealApi): void => {
    const reveal = deck.getRevealElement();
    if (!reveal) return;
    for (const [cls, text] of Object.entries(CONTROL_LABELS)) reveal.querySelector(`.controls .${cls}`)?.setAttribute('aria-label', text);
    const resume = reveal.querySelector('.pause-overlay .resume-button');
    if (resume) resume.textContent = UI.aria.resumePresenting;
  };
  return {
    id: 'deck-reveal-words',
    init(deck) {
      const reveal = deck.getRevealElement();
      if (!reveal) return;
      observer = new MutationObserver(() => translateBoxes(reveal));
      observer.observe(reveal, { childList: true });
      whenReady(deck, () => translateControls(deck));
    },
    destroy() {
      observer?.disconnect();
      observer = null;
    },
  };
};
