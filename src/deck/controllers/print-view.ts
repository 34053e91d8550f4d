import type { ControllerFactory } from '../controller.ts';

/**
 * The print view shows every slide, but reveal.js leaves `hidden` and `aria-hidden` on those that
 * were not current: a PDF saved from the browser would then have no bookmarks and no tagged text.
 */
export const printView: ControllerFactory = (deck) => {
  const unhide = (): void => {
    for (const slide of deck.getSlides()) {
      slide.removeAttribute('hidden');
      slide.removeAttribute('aria-hidden');
    }
  };
  return {
    start() {
      unhide();
      // reveal.js lays the pages out after it is ready; do it again once they are.
      deck.on('pdf-ready', unhide);
    },
    destroy() {
      deck.off('pdf-ready', unhide);
    },
  };
};
