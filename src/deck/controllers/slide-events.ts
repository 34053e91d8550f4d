import type { ControllerFactory } from '../controller.ts';
import { emit } from '../bus.ts';
import { placeOf } from '../manifest.ts';

/**
 * Tells the bus which slide is shown, and tells screen readers too: reveal.js's container is
 * `role="application"`, so a polite live region announces each new slide by place and title.
 */
export const slideEvents: ControllerFactory = (deck, manifest) => {
  const live = document.createElement('div');
  live.className = 'deck-visually-hidden';
  live.setAttribute('aria-live', 'polite');
  live.dataset.deckAnnouncer = '';
  const onSlide = (): void => {
    const slide = deck.getCurrentSlide();
    if (!slide?.id) return;
    const place = placeOf(manifest, slide.id);
    live.textContent = place ? `第 ${place.inDeck}/${place.deckSize} 页，${place.sectionTitle}：${place.title}` : slide.id;
    emit('slide', { id: slide.id });
  };
  return {
    start() {
      document.body.append(live);
      deck.on('slidechanged', onSlide);
      onSlide();
    },
    destroy() {
      deck.off('slidechanged', onSlide);
      live.remove();
    },
  };
};
