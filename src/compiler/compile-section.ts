import MarkdownItFactory, { type MarkdownIt, type Token } from 'markdown-it';
import attrs from 'markdown-it-attrs';
import type { ErrorSink } from './errors.ts';
import { escapeHtml } from '../shared/html.ts';
import type { DiagramSource, Glossary, Reference, RenderEnv } from './markdown/env.ts';
import { splitSlides, type RawSlide } from './split-slides.ts';

/** One slide as the rest of the deck (menu, pacing, export, tests) sees it. */
export interface SlideInfo {
  id: string;
  title: string;
  /** Planned minutes, when the slide sets them. */
  minutes: number | null;
  /** File and line where the slide starts, for error messages. */
  file: string;
  line: number;
}

/** One section of the paper: one file, one horizontal group of slides. */
export interface SectionInfo {
  id: string;
  title: string;
  file: string;
  slides: SlideInfo[];
}

export interface CompiledSection {
  info: SectionInfo;
  /** The `<section>` group, with diagram placeholders still in it. */
  html: string;
}

export interface SectionContext {
  md: MarkdownIt;
  sink: ErrorSink;
  references: ReadonlyMap<number, Reference>;
  root: string;
  diagrams: DiagramSource[];
  glossary: Glossary;
}

const ID = /^[a-z][a-z0-9-]*$/;

/** Compiles one section file into its slide group; content errors go to `ctx.sink`. */
export function compileSection(text: string, file: string, ctx: SectionContext): CompiledSection {
  const { frontMatter, slides } = splitSlides(text, file, ctx.sink);
  const id = String(frontMatter?.id ?? '');
  const title = String(frontMatter?.title ?? '');
  if (!frontMatter || !ID.test(id)) {
    ctx.sink.add(file, 1, frontMatter?.id ? `section id \`${id}\` is not valid` : 'section has no id', 'Start the file with front matter: `---`, `id: my-section` (lowercase letters, digits, -), `title: …`, `---`.');
  }
  if (frontMatter && !title) ctx.sink.add(file, 1, 'section has no title', 'Add `title: …` to the front matter.');

  const infos: SlideInfo[] = [];
  const html = slides.map((slide, index) => {
    const { info, html: slideHtml } = compileSlide(slide, index === 0 ? id : null, id, file, ctx);
    infos.push(info);
    return slideHtml;
  });
  return {
    info: { id, title, file, slides: infos },
    html: `<section data-deck-section="${escapeHtml(id)}" data-deck-section-title="${escapeHtml(title)}">\n${html.join('\n')}\n</section>`,
  };
}

function compileSlide(slide: RawSlide, firstOf: string | null, sectionId: string, file: string, ctx: SectionContext): { info: SlideInfo; html: string } {
  const env = (lineOffset: number, slideId: string, inNotes = false): RenderEnv => ({
    file,
    lineOffset,
    sink: ctx.sink,
    bibliography: ctx.references,
    root: ctx.root,
    diagrams: ctx.diagrams,
    slideId,
    sectionId,
    inNotes,
    glossary: ctx.glossary,
  });
  // The id decides names made while parsing (questions, marked terms), so read it first from a
  // plain parse that runs none of the deck's rules.
  const heading = headingOf(OUTLINE.parse(slide.body, {}));
  let id = heading.id ?? '';
  if (!slide.body.trim()) {
    ctx.sink.add(file, slide.line, 'empty slide', 'Write its content, or remove the extra `---`.');
    id ||= `empty-slide-at-line-${slide.line}`;
  } else if (firstOf !== null) {
    if (heading.id && heading.id !== firstOf) {
      ctx.sink.add(file, slide.line + heading.line, `the first slide's heading sets id \`${heading.id}\``, `The first slide of a file takes the file's id (\`${firstOf}\`); remove \`{#${heading.id}}\`.`);
    }
    id = firstOf;
  } else if (!id) {
    ctx.sink.add(file, slide.line, 'slide has no id', 'Add `{#slide-id}` at the end of its first heading, e.g. `## 标题 {#logic-power}`.');
    id = `slide-at-line-${slide.line}`;
  } else if (!ID.test(id)) {
    ctx.sink.add(file, slide.line + heading.line, `slide id \`${id}\` is not valid`, 'Use lowercase letters, digits and -, starting with a letter.');
  }
  const bodyEnv = env(slide.line - 1, id);
  const tokens = ctx.md.parse(slide.body, bodyEnv);
  moveHeadingId(tokens);
  if (slide.options.steps) markSteps(tokens);
  for (const step of slide.steps) {
    const html = ctx.md.render(step.text, env(step.line - 1, id, true));
    if (!attachStepNotes(tokens, step.step, `<aside class="notes" data-deck-step="${step.step}">${html}</aside>`)) {
      const count = tokens.filter(isFragment).length;
      ctx.sink.add(file, step.line, `\`Note ${step.step}:\` is for step ${step.step}, but the slide has ${count} step${count === 1 ? '' : 's'}`, 'Number step notes by the fragments of the slide (`{.fragment}` or the `steps` option), from 1.');
    }
  }
  const body = ctx.md.renderer.render(tokens, ctx.md.options, bodyEnv);
  const notes = slide.notes ? ctx.md.render(slide.notes.text, env(slide.notes.line - 1, id, true)) : '';
  const cue = slide.cue ? ctx.md.render(slide.cue.text, env(slide.cue.line - 1, id, true)) : '';
  const aside = notes || cue
    ? `<aside class="notes">${notes}${cue ? `<div class="deck-cue" data-deck-cue>${cue}</div>` : ''}</aside>`
    : '';
  const attrs = [
    `id="${escapeHtml(id)}"`,
    `data-deck-title="${escapeHtml(heading.title)}"`,
    slide.options.minutes !== null ? `data-deck-minutes="${slide.options.minutes}"` : '',
    slide.options.classes.length ? `class="${escapeHtml(slide.options.classes.join(' '))}"` : '',
  ].filter(Boolean).join(' ');
  return {
    info: { id, title: heading.title, minutes: slide.options.minutes, file, line: slide.line + heading.line },
    html: `<section ${attrs}>\n${body}${aside}\n</section>`,
  };
}

/** Markdown with attributes only: enough to read a slide's heading. */
const OUTLINE = new MarkdownItFactory().use(attrs);

/** The first heading: its text (the slide's title) and the id it sets (the slide's id). */
function headingOf(tokens: Token[]): { title: string; id: string | null; line: number } {
  const index = tokens.findIndex((t) => t.type === 'heading_open');
  const open = tokens[index];
  if (!open) return { title: '', id: null, line: 0 };
  const rawId = open.attrGet('id');
  const id = rawId === null ? null : String(rawId);
  const inline = tokens[index + 1];
  const title = (inline?.children ?? []).filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('').trim();
  return { title, id, line: open.map?.[0] ?? 0 };
}

/** The heading's id belongs to the slide's `<section>`, not to the heading. */
function moveHeadingId(tokens: Token[]): void {
  const open = tokens.find((t) => t.type === 'heading_open');
  if (open) open.attrs = (open.attrs ?? []).filter(([name]) => name !== 'id');
}

const isFragment = (t: Token): boolean => t.nesting === 1 && String(t.attrGet('class') ?? '').split(/\s+/).includes('fragment');

/**
 * Puts a step's notes inside its fragment (reveal.js's notes plugin shows them while that step
 * is current). A paragraph becomes a div, since an aside may not sit in a paragraph.
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

/** The `steps` option: each top-level list item becomes a fragment. */
function markSteps(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type === 'list_item_open' && token.level === 1) token.attrJoin('class', 'fragment');
  }
}
