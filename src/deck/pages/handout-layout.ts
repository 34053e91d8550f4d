import type { DeckManifest } from '../../shared/deck-model.ts';

/** One printed handout page: up to `perSheet` slides of one section. */
export interface HandoutSheet {
  sectionId: string;
  sectionTitle: string;
  /** False on a section's first sheet, true on the sheets that continue it. */
  continued: boolean;
  /** A slide too dense for a third of a page, alone on its page at the page's full width. */
  alone: boolean;
  slides: { id: string; title: string; /** 1-based place in the deck. */ number: number }[];
}

/** Slides per handout page: three, each beside its lines for notes. */
export const SLIDES_PER_SHEET = 3;

/** A slide's width on the handout: beside its lines (three a page), or alone across the page (A4 less its margins). */
export const FRAME_MM = { beside: 112, alone: 185 } as const;

/** The smallest text a handout prints, in points. */
export const HANDOUT_MIN_PT = 7;

/**
 * The smallest text size (in the slide's own CSS px, on its 1280 px stage) that still prints at
 * HANDOUT_MIN_PT when the slide is `frameMm` wide: a slide with smaller text goes alone.
 */
export function smallestTextPx(frameMm: number, slideWidthPx: number): number {
  const pxPerPt = 96 / 72;
  const scale = (frameMm * 96) / 25.4 / slideWidthPx;
  return (HANDOUT_MIN_PT * pxPerPt) / scale;
}

/**
 * Cuts the deck into handout pages. A section always starts a new page, so the section named in
 * a page's header is the section of every slide on it. A slide in `alone` (one whose text would
 * print too small beside its lines) has a page of its own; the slides around it keep their order.
 */
export function handoutSheets(manifest: DeckManifest, perSheet = SLIDES_PER_SHEET, alone: ReadonlySet<string> = new Set()): HandoutSheet[] {
  const sheets: HandoutSheet[] = [];
  let number = 0;
  for (const section of manifest.sections) {
    const slides = section.slides.map((s) => ({ id: s.id, title: s.title, number: ++number }));
    let first = true;
    const push = (group: HandoutSheet['slides'], isAlone: boolean): void => {
      if (group.length === 0) return;
      sheets.push({ sectionId: section.id, sectionTitle: section.title, continued: !first, alone: isAlone, slides: group });
      first = false;
    };
    let run: HandoutSheet['slides'] = [];
    for (const slide of slides) {
      if (alone.has(slide.id)) {
        push(run, false);
        run = [];
        push([slide], true);
        continue;
      }
      run.push(slide);
      if (run.length === perSheet) {
        push(run, false);
        run = [];
      }
    }
    push(run, false);
  }
  return sheets;
}
