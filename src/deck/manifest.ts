import type { DeckManifest } from '../shared/manifest.ts';

/** The deck's table of contents, embedded by the build as `#deck-manifest`. */
export function readManifest(): DeckManifest {
  const el = document.getElementById('deck-manifest');
  return JSON.parse(el?.textContent ?? '{"title":"","minutes":45,"meta":{"subtitle":"","authors":[],"keywords":[]},"sections":[]}') as DeckManifest;
}

/** Where a slide sits: its section, its place in the section and in the deck (1-based). */
export interface SlidePlace {
  sectionTitle: string;
  sectionIndex: number;
  inSection: number;
  sectionSize: number;
  inDeck: number;
  deckSize: number;
  title: string;
}

/** Finds a slide's place in the deck by id; null for an unknown id. */
export function placeOf(manifest: DeckManifest, slideId: string): SlidePlace | null {
  let inDeck = 0;
  const deckSize = manifest.sections.reduce((n, s) => n + s.slides.length, 0);
  for (const [sectionIndex, section] of manifest.sections.entries()) {
    for (const [i, slide] of section.slides.entries()) {
      inDeck++;
      if (slide.id === slideId) {
        return { sectionTitle: section.title, sectionIndex, inSection: i + 1, sectionSize: section.slides.length, inDeck, deckSize, title: slide.title };
      }
    }
  }
  return null;
}
