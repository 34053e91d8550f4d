import type { DeckManifest } from '../shared/manifest.ts';
import type { CompiledDeck } from './compile-deck.ts';

/**
 * What the browser side needs to know about the deck as a whole (menu, pacing, progress),
 * embedded in the page as JSON. Its shape is `DeckManifest` in src/shared/manifest.ts.
 */
export function deckManifest(d: CompiledDeck): DeckManifest {
  return {
    title: d.meta.title,
    minutes: d.meta.minutes,
    meta: { subtitle: d.meta.subtitle, authors: d.meta.authors, keywords: d.meta.keywords },
    sections: d.sections.map((s) => ({
      id: s.id,
      title: s.title,
      slides: s.slides.map((sl) => ({ id: sl.id, title: sl.title, minutes: sl.minutes })),
    })),
  };
}
