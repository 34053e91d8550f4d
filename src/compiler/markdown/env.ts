import type { Env } from 'markdown-it';
import type { ErrorSink } from '../errors.ts';

/** A reference of the paper, numbered as the paper numbers it. */
export interface Reference {
  n: number;
  text: string;
}

/** A Mermaid fence found while rendering, replaced by a placeholder until it is drawn. */
export interface DiagramSource {
  /** Unique in the deck; used as the SVG's id. */
  id: string;
  source: string;
  file: string;
  /** File line of the fence's opening line. */
  line: number;
}

/** What every plugin may read and write while one Markdown block renders. */
export interface RenderEnv extends Env {
  file: string;
  /** File line of the block's first line, minus one: token line `map[0]` + this = file line. */
  lineOffset: number;
  sink: ErrorSink;
  bibliography: ReadonlyMap<number, Reference>;
  /** Project root, to check that images exist. */
  root: string;
  diagrams: DiagramSource[];
  /** Used to name diagrams and questions uniquely. */
  slideId: string;
  /** The section (file) being rendered: questions are scored per section. */
  sectionId: string;
  /** True while rendering speaker notes: glossary terms are marked on slides only. */
  inNotes: boolean;
  /** The deck's glossary, shared by every file so each term is marked once, where it first appears. */
  glossary: Glossary;
}

/** A key term of the paper, with its definition (Markdown inline) and where it is first marked. */
export interface GlossaryTerm {
  term: string;
  /** Inline Markdown: the paper's words in “…” with a citation, or a teaching addition. */
  definition: string;
  /** True when the definition is ours, not the paper's (shown as 教学补充). */
  teaching: boolean;
  /** Where the term is defined in slides/glossary.yml. */
  line: number;
  /** The slide where the term first appears, once the deck has been compiled that far. */
  firstSlide: string | null;
}

/** The glossary as the renderer sees it. */
export interface Glossary {
  terms: GlossaryTerm[];
}

/** The file line of a token's source line (0-based within the block). */
export function fileLine(env: RenderEnv, blockLine: number): number {
  return env.lineOffset + blockLine + 1;
}

/** markdown-it hands rules an untyped env; every env this deck renders with is a RenderEnv. */
export function deckEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}
