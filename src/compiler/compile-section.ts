import type { MarkdownIt, Token } from 'markdown-it';
import { ATTR, FIRST_SLIDE_MARK } from '../shared/deck-model.ts';
import type { CompiledSection, CompiledSlide } from './model.ts';
import { placeOf, type DeckContext, type RenderEnv, type SlidePart } from './markdown/env.ts';
import { SLIDE_MINUTES, slideKind } from './markdown/slide-minutes.ts';
import type { ParsedSection } from './markdown/slide-structure.ts';
import type { LayoutOfSlide } from './markdown/slide-layout.ts';

/** A section file after parsing: its tokens (each with its place) and its structure. */
export interface ParsedFile {
  file: string;
  env: RenderEnv;
  tokens: Token[];
  section: ParsedSection;
  /** The tokens of each part of each slide (index in the file), in order. */
  parts: Map<number, Map<SlidePart, Token[]>>;
}

/**
 * Parses one section file whole (see markdown/index.ts); content errors go to `deck.sink`.
 * A byte-order mark is dropped first (an editor's, not the author's). `lineOffset` is the file
 * line of the text's first line, minus one (0 for a whole file).
 */
export function parseSection(text: string, file: string, md: MarkdownIt, deck: DeckContext, lineOffset = 0): ParsedFile {
  const env: RenderEnv = { file, lineOffset, deck, section: null, slideIds: [], sectionId: '', currentSlide: '' };
  const tokens = md.parse(text.startsWith('\uFEFF') ? text.slice(1) : text, env);
  const section = env.section ?? { id: '', title: '', short: '', back: false, slides: [] };
  env.sectionId = section.id;
  const parts = new Map<number, Map<SlidePart, Token[]>>();
  for (const token of tokens) {
    const place = placeOf(token);
    if (!place) continue;
    const ofSlide = parts.get(place.slide) ?? new Map<SlidePart, Token[]>();
    parts.set(place.slide, ofSlide);
    ofSlide.set(place.part, [...(ofSlide.get(place.part) ?? []), token]);
  }
  return { file, env, tokens, section, parts };
}

/** The tokens of one part of one slide (index in the file), in order. */
export function partTokens(parsed: ParsedFile, slide: number, part: SlidePart): Token[] {
  return parsed.parts.get(slide)?.get(part) ?? [];
}

/**
 * Renders a parsed file into its slides' HTML, once the whole deck is parsed (and drawn):
 * `deck.rendering` must be set. `firstOfDeck` marks the file whose first slide opens the deck
 * (its first heading carries the first-paint mark, see shared/deck-model.ts FIRST_SLIDE_MARK).
 */
export function renderSection(parsed: ParsedFile, md: MarkdownIt, firstOfDeck = false, layouts: ReadonlyMap<string, LayoutOfSlide> = new Map()): CompiledSection {
  const planIds = parsed.env.deck.planIds;
  const { env, section, file } = parsed;
  const slides = section.slides.map((slide, i): CompiledSlide => {
    env.currentSlide = slide.id;
    const body = partTokens(parsed, i, 'body');
    if (slide.options.steps) markSteps(body);
    const steps = body.filter(isFragment).length;
    for (const { step, line } of slide.stepNotes) {
      const html = md.renderer.render(partTokens(parsed, i, `step:${step}`), md.options, env);
      if (!attachStepNotes(body, step, `<aside class="notes" ${ATTR.step}="${step}">${html}</aside>`)) {
        env.deck.sink.add(file, line, `\`Note ${step}:\` is for step ${step}, but the slide has ${steps} step${steps === 1 ? '' : 's'}`, 'Number step notes by the fragments of the slide (`{.fragment}` or the `steps` option), from 1.');
      }
    }
    if (firstOfDeck && i === 0) body.find((t) => t.type === 'heading_open')?.attrSet('elementtiming', FIRST_SLIDE_MARK);
    const notes = md.renderer.render(partTokens(parsed, i, 'notes'), md.options, env);
    const cue = md.renderer.render(partTokens(parsed, i, 'cue'), md.options, env);
    const layout = layouts.get(slide.id);
    return {
      id: slide.id,
      title: slide.title,
      minutes: slide.options.minutes ?? SLIDE_MINUTES[slideKind(body)],
      plans: slide.options.plans ?? [...planIds],
      steps,
      source: slide.options.source?.length ? slide.options.source : null,
      file,
      line: slide.line,
      classes: layout ? [`deck-layout-${layout.layout}`, ...slide.options.classes] : slide.options.classes,
      body: `${layout?.before ?? ''}${md.renderer.render(body, md.options, env)}${layout?.after ?? ''}`,
      notes: notes || cue ? `<aside class="notes">${notes}${cue ? `<div class="deck-cue" ${ATTR.cue}>${cue}</div>` : ''}</aside>` : '',
    };
  });
  return { id: section.id, title: section.title, short: section.short, file, slides };
}

const isFragment = (t: Token): boolean => t.nesting === 1 && String(t.attrGet('class') ?? '').split(/\s+/).includes('fragment');

/** The `steps` option: each top-level list item becomes a fragment. */
function markSteps(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type === 'list_item_open' && token.level === 1) token.attrJoin('class', 'fragment');
  }
}

/**
 * Puts a step's notes inside its fragment (the speaker view shows them while that step is
 * current). A paragraph becomes a div, since an aside may not sit in a paragraph.
 */
function attachStepNotes(tokens: Token[], step: number, aside: string): boolean {
  const open = tokens.filter(isFragment)[step - 1];
  if (!open) return false;
  const start = tokens.indexOf(open);
  const close = tokens.findIndex((t, i) => i > start && t.nesting === -1 && t.level === open.level && t.type === open.type.replace('_open', '_close'));
  if (close < 0) return false;
  if (open.tag === 'p') {
    open.tag = 'div';
    tokens[close]!.tag = 'div';
  }
  // markdown-it exports Token only as a type; its class is the one every token has.
  const TokenClass = open.constructor as new (type: string, tag: string, nesting: number) => Token;
  const html = new TokenClass('html_block', '', 0);
  html.content = aside;
  tokens.splice(close, 0, html);
  return true;
}
