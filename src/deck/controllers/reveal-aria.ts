import type { RevealApi } from 'reveal.js';
import { allSlides } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { urlForMode } from '../mode.ts';
import { whenReady, type ToolFactory } from '../tool.ts';

/**
 * What a screen reader meets in the presentation. reveal.js marks its container
 * `role="application"`, which makes a screen reader hand every key to the page and stop reading
 * the slide as text; here it is a labelled region instead (the current slide reads like a page;
 * the others are inert), each slide a group named by its place and title (reveal's own words:
 * reveal-words.ts), and a first link (seen on focus) to the study view, the deck
 * as one document.
 */
export const revealAria: ToolFactory = ({ manifest }) => {
  const titles = new Map(allSlides(manifest).map((s) => [s.id, s.title]));
  let deck: RevealApi | null = null;
  let skip: HTMLAnchorElement | null = null;
  let roleBefore: string | null = null;
  const onSlide = (): void => {
    const id = deck?.getCurrentSlide()?.id;
    if (id && skip) skip.href = urlForMode('study', id, location);
  };
  const label = (): void => {
    const reveal = deck?.getRevealElement();
    if (!deck || !reveal) return;
    roleBefore = reveal.getAttribute('role');
    reveal.setAttribute('role', 'region');
    reveal.setAttribute('aria-roledescription', UI.aria.deck);
    reveal.setAttribute('aria-label', manifest.meta.title);
    const slides = deck.getSlides();
    slides.forEach((slide, i) => {
      slide.setAttribute('role', 'group');
      slide.setAttribute('aria-roledescription', UI.aria.slide);
      slide.setAttribute('aria-label', UI.aria.slideLabel(i + 1, slides.length, titles.get(slide.id) ?? ''));
    });
    reveal.querySelector('.progress')?.setAttribute('aria-hidden', 'true');
    onSlide();
  };

  return {
    id: 'deck-reveal-aria',
    init(revealDeck) {
      deck = revealDeck;
      skip = document.createElement('a');
      skip.className = 'deck-skip-link';
      skip.textContent = UI.aria.skipToStudy;
      document.body.prepend(skip);
      deck.on('slidechanged', onSlide);
      // Slides outside the plan are gone once reveal.js is ready: number the others then.
      whenReady(deck, label);
    },
    destroy() {
      deck?.off('slidechanged', onSlide);
      skip?.remove();
      if (roleBefore) deck?.getRevealElement()?.setAttribute('role', roleBefore);
    },
  };
};
