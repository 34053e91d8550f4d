import { coverage, type LeftOutParagraph, type ParagraphLinks } from '../../shared/paper.ts';
import type { SlideInfo } from '../../shared/deck-model.ts';
import type { PaperParagraph } from './read-paper.ts';

/** What the deck says about the paper: which slides teach each paragraph, which are left out. */
export interface DeckPaper {
  /** Paragraph → the slides whose `source=` names it, in deck order (the paper view's links back). */
  links: ParagraphLinks;
  /** The paragraphs `leftOut:` in slides/deck.yml names, each with its reason. */
  leftOut: LeftOutParagraph[];
  /** `paper coverage: 45/45 paragraphs, 2 left out`: what `npm run build` prints. */
  summary: string;
}

/**
 * Which slides teach each paragraph, from the slides' `source=` (the deck model): by id and
 * title, in deck order; paragraphs in order, only those some slide teaches.
 */
export function paragraphLinks(sections: readonly { slides: readonly Pick<SlideInfo, 'id' | 'title' | 'source'>[] }[]): ParagraphLinks {
  const byParagraph = new Map<number, { id: string; title: string }[]>();
  for (const slide of sections.flatMap((s) => s.slides)) {
    for (const n of slide.source ?? []) byParagraph.set(n, [...(byParagraph.get(n) ?? []), { id: slide.id, title: slide.title }]);
  }
  return [...byParagraph].sort(([a], [b]) => a - b).map(([paragraph, slides]) => ({ paragraph, slides }));
}

/**
 * The build's one line about coverage: how many of the body's paragraphs are taught or left out
 * on purpose, of how many, and how many of them are left out (`paper coverage: 45/45
 * paragraphs, 2 left out`).
 */
export function coverageSummary(paragraphs: readonly Pick<PaperParagraph, 'n'>[], links: ParagraphLinks, leftOut: readonly LeftOutParagraph[]): string {
  const uncovered = coverage(paragraphs, links, leftOut).length;
  const taught = new Set(links.filter((l) => l.slides.length).map((l) => l.paragraph));
  const skipped = new Set(leftOut.map((l) => l.paragraph).filter((n) => !taught.has(n)));
  return `paper coverage: ${paragraphs.length - uncovered}/${paragraphs.length} paragraphs, ${skipped.size} left out`;
}
