import type { RevealApi } from 'reveal.js';
import { nameDiagramsForPrint } from '../pages/printed-diagrams.ts';
import { unlinkSources } from '../paper/source-links.ts';
import type { ToolFactory } from '../tool.ts';

/**
 * The print view shows every slide, but reveal.js leaves `hidden` and `aria-hidden` on those that
 * were not current: a PDF saved from the browser would then have no bookmarks and no tagged text.
 * Each diagram is named for the tagged PDF's /Alt; the slides' 「原文」 links print as text
 * (source-links.ts).
 */
export const printView: ToolFactory = ({ manifest }) => {
  let deck: RevealApi | null = null;
  const unhide = (): void => {
    for (const slide of deck?.getSlides() ?? []) {
      slide.removeAttribute('hidden');
      slide.removeAttribute('aria-hidden');
    }
  };
  return {
    id: 'deck-print-view',
    init(revealDeck) {
      deck = revealDeck;
      nameDiagramsForPrint(deck.getRevealElement() ?? document, manifest);
      const slides = revealDeck.getSlidesElement();
      if (slides) unlinkSources(slides);
      // reveal.js lays the pages out after it is ready; do it again once they are.
      deck.on('ready', unhide);
      deck.on('pdf-ready', unhide);
    },
    destroy() {
      deck?.off('ready', unhide);
      deck?.off('pdf-ready', unhide);
    },
  };
};
