import type { Env, Token } from 'markdown-it';
import type { QuizInfo } from '../../shared/deck-model.ts';
import type { ErrorSink } from '../errors.ts';
import type { DiagramDrawing } from '../diagrams/drawing.ts';
import type { PaperDocument } from '../paper/read-paper.ts';
import type { ParsedSection } from './slide-structure.ts';

/** A reference of the paper, numbered as the paper numbers it. */
export interface Reference {
  n: number;
  text: string;
}

/** A Mermaid fence found while parsing; drawn once every file is parsed. */
export interface DiagramSource {
  /** Unique in the deck (`diagram-<slide id>-<n>`); used as the SVG's id. */
  id: string;
  slideId: string;
  source: string;
  file: string;
  /** File line of the fence's opening line. */
  line: number;
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
  /** The slide where the term first appears, once the deck has been parsed that far. */
  firstSlide: string | null;
}

/** The glossary as the rules see it: shared by every file, so each term is marked once, where it first appears. */
export interface Glossary {
  terms: GlossaryTerm[];
}

/** A link to a slide (`#/id`) written in the content, checked once every slide is known. */
export interface SlideLink {
  target: string;
  file: string;
  line: number;
}

/** A citation written in the content: `[@n, page]` on a slide. */
export interface Citation {
  n: number;
  page: string | null;
  slideId: string;
}

/** Which part of a slide a token belongs to (set by the structure rule, see structure.ts). */
export type SlidePart = 'body' | 'notes' | 'cue' | `step:${number}`;

/** What the structure rule records of a token: its slide (index in the file) and part. */
export interface TokenPlace {
  slide: number;
  part: SlidePart;
}

/** What is shared by every file of the deck while it compiles. */
export interface DeckContext {
  sink: ErrorSink;
  /** The lecture plans' ids (slides/deck.yml), which a slide's `plan=` may name. */
  planIds: readonly string[];
  bibliography: ReadonlyMap<number, Reference>;
  /** Project root: images must be inside its `assets/`. */
  root: string;
  glossary: Glossary;
  diagrams: DiagramSource[];
  links: SlideLink[];
  citations: Citation[];
  quizzes: QuizInfo[];
  /**
   * The paper the deck teaches (assets/paper/paper.txt, read and cleaned): slides name its
   * paragraphs (`source=`), quotations are found in it. Null for a deck without it (a test
   * fixture): then no slide may name a source and none must.
   */
  paper: PaperDocument | null;
  /** Filled once every file is parsed, before rendering. */
  rendering: RenderContext | null;
}

/** What the renderers need that is known only once the whole deck is parsed (and drawn). */
export interface RenderContext {
  /** Slide id → its title (its number changes with the lecture plan; its title does not). */
  slideTitles: ReadonlyMap<string, string>;
  /** Diagram id → its drawing; a diagram without one is left to the browser. */
  drawings: ReadonlyMap<string, DiagramDrawing>;
}

/** What every rule may read and write while one file (or one snippet) is parsed and rendered. */
export interface RenderEnv extends Env {
  file: string;
  /** File line of the text's first line, minus one: token line `map[0]` + this + 1 = file line. */
  lineOffset: number;
  deck: DeckContext;
  /** The file's front matter and slides, once the structure rule has read them. */
  section: ParsedSection | null;
  /** The ids of the file's slides (slide i of a token's place is `slideIds[i]`). */
  slideIds: string[];
  /** The slide being rendered (renderers of inline tokens, which carry no place, read it). */
  currentSlide: string;
  /** The section (file) being compiled: questions are scored per section. */
  sectionId: string;
  /** A snippet (a glossary definition) is shown with notes, not on a slide: no term is marked in it. */
  inNotes?: boolean;
}

/** The file line of a token's source line (0-based within the text parsed). */
export function fileLine(env: RenderEnv, blockLine: number): number {
  return env.lineOffset + blockLine + 1;
}

/** markdown-it hands rules an untyped env; every env this deck renders with is a RenderEnv. */
export function deckEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}

/** The place the structure rule gave a token (tokens made later copy it from the token they replace). */
export function placeOf(token: Token): TokenPlace | null {
  return ((token.meta as { place?: TokenPlace } | null)?.place) ?? null;
}

/** Gives `token` a place (keeping whatever else its meta holds). */
export function setPlace(token: Token, place: TokenPlace | null): void {
  if (place) token.meta = { ...(token.meta as object | null), place };
}

/** The id of the slide a token is on ('' before the structure rule has run). */
export function slideIdOf(env: RenderEnv, token: Token): string {
  const place = placeOf(token);
  return place ? (env.slideIds[place.slide] ?? '') : '';
}
