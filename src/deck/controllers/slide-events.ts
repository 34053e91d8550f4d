import type { RevealApi } from 'reveal.js';
import { placeOf } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import type { ToolFactory } from '../tool.ts';

/**
 * Tells the bus which slide is shown, and tells screen readers too: a polite live region
 * announces each new slide by place and title.
 */
export const slideEvents: ToolFactory = ({ bus, manifest, plan }) => {
  let deck: RevealApi | null = null;
  let live: HTMLElement | null = null;
  const onSlide = (): void => {
    const slide = deck?.getCurrentSlide();
    if (!slide?.id || !live) return;
    const place = placeOf(manifest, slide.id, plan.id);
    live.textContent = place ? UI.aria.announce(place.inDeck, place.deckSize, place.sectionTitle, place.title) : slide.id;
    bus.emit('slide', { id: slide.id });
  };
  return {
    id: 'deck-slide-events',
    init(revealDeck) {
      deck = revealDeck;
      live = document.createElement('div');
      live.className = 'deck-visually-hidden';
      live.setAttribute('aria-live', 'polite');
      live.dataset.deckAnnouncer = '';
      document.body.append(live);
      deck.on('slidechanged', onSlide);
      deck.on('ready', onSlide);
    },
    destroy() {
      deck?.off('slidechanged', onSlide);
      deck?.off('ready', onSlide);
      live?.remove();
    },
  };
};
