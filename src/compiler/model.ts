import { MANIFEST_ID, type DeckManifest, type DeckMeta, type QuizInfo, type SectionInfo, type SlideInfo } from '../shared/deck-model.ts';
import type { DiagramDrawing } from './diagrams/drawing.ts';
import type { Citation, DiagramSource, GlossaryTerm, Reference } from './markdown/env.ts';
import { headingWords } from '../shared/typeset.ts';

/**
 * The deck model as the compiler makes it from slides/: everything the pages are rendered from.
 * Its runtime part (shared/deck-model.ts) is what the browser gets; the rest (HTML, sources,
 * places) stays in the build.
 */
export interface DeckModel {
  meta: DeckMeta;
  sections: CompiledSection[];
  quizzes: QuizInfo[];
  diagrams: (DiagramSource & { drawing: DiagramDrawing | null })[];
  glossary: GlossaryTerm[];
  references: Reference[];
  citations: Citation[];
}

/** A section file, compiled. */
export interface CompiledSection extends SectionInfo {
  /** Path from the project root, e.g. `slides/02-logic.md`. */
  file: string;
  slides: CompiledSlide[];
}

/** A slide, compiled. */
export interface CompiledSlide extends SlideInfo {
  file: string;
  /** 1-based line where it starts (its heading's line). */
  line: number;
  /** Its CSS classes (`class=…`). */
  classes: string[];
  /** Its content, as HTML (a step's notes inside that step's element). */
  body: string;
  /** Its notes (`aside.notes`: the notes, then the lecturer's cue), '' if it has none. */
  notes: string;
}

/** The model's runtime part, embedded in the pages (see shared/deck-model.ts). */
export function manifestOf(model: DeckModel): DeckManifest {
  return {
    meta: model.meta,
    sections: model.sections.map((s) => ({
      id: s.id,
      title: s.title,
      short: s.short,
      slides: s.slides.map((sl) => ({ id: sl.id, title: sl.title, minutes: sl.minutes, plans: sl.plans, steps: sl.steps, source: sl.source })),
    })),
    quizzes: model.quizzes,
    titleWords: Object.fromEntries([model.meta.title, ...model.sections.map((s) => s.title)].map((t) => [t, headingWords(t)])),
    diagrams: model.diagrams.map((d) => ({
      id: d.id,
      slideId: d.slideId,
      title: d.drawing?.kind === 'svg' ? d.drawing.title : '',
      description: d.drawing?.kind === 'svg' ? d.drawing.description : '',
    })),
  };
}

/** The manifest as the element that carries it in a page (`#deck-manifest`): JSON that is safe inside a `<script>`. */
export function manifestScript(model: DeckModel): string {
  return `<script type="application/json" id="${MANIFEST_ID}">${JSON.stringify(manifestOf(model)).replace(/</g, '\\u003c')}</script>`;
}

/** Every slide in deck order. */
export function modelSlides(model: Pick<DeckModel, 'sections'>): CompiledSlide[] {
  return model.sections.flatMap((s) => s.slides);
}
