import type { DeckManifest } from '../../shared/deck-model.ts';

/** One printed handout page: up to `perSheet` slides of one section. */
export interface HandoutSheet {
  sectionId: string;
  sectionTitle: string;
  /** False on a section's first sheet, true on the sheets that continue it. */
  continued: boolean;
  slides: { id: string; title: string; /** 1-based place in the deck. */ number: number }[];
}

/** Slides per handout page: three, each beside its lines for notes. */
export const SLIDES_PER_SHEET = 3;

/**
 * Cuts the deck into handout pages. A section always starts a new page, so the section named in
 * a page's header is the section of every slide on it.
 */
export function handoutSheets(manifest: DeckManifest, perSheet = SLIDES_PER_SHEET): HandoutSheet[] {
  const sheets: HandoutSheet[] = [];
  let number = 0;
  for (const section of manifest.sections) {
    const slides = section.slides.map((s) => ({ id: s.id, title: s.title, number: ++number }));
    for (let i = 0; i < slides.length; i += perSheet) {
      sheets.push({ sectionId: section.id, sectionTitle: section.title, continued: i > 0, slides: slides.slice(i, i + perSheet) });
    }
  }
  return sheets;
}
