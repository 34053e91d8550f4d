import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { deckEnv, fileLine, setPlace, type RenderEnv, type SlidePart } from './env.ts';
import { NO_OPTIONS, optionsComment, readSlideOptions, type SlideOptions } from './slide-options.ts';

/** A slide of a file as the structure rule reads it. */
export interface ParsedSlide {
  /** Unique in the deck (checked by the compiler); the first slide takes the file's id. */
  id: string;
  /** The text of its first heading ('' if it has none). */
  title: string;
  /** 1-based file line where the slide starts (its heading's line if it has one). */
  line: number;
  options: SlideOptions;
  /** Each `Note N:` of the slide: its step, and the 1-based line it is written on. */
  stepNotes: { step: number; line: number }[];
}

/** A file as the structure rule reads it: its front matter and its slides. */
export interface ParsedSection {
  id: string;
  title: string;
  /** The short title for the progress label (`short:`); the title if not given. */
  short: string;
  /**
   * Back matter (`back: true`: the glossary, the references): its slides teach no paragraph of
   * the paper, so they need no `source=`. @default false
   */
  back: boolean;
  slides: ParsedSlide[];
}

/** Ids are lowercase letters, digits and `-`, starting with a letter. */
export const ID = /^[a-z][a-z0-9-]*$/;

/**
 * Cuts a file's tokens into its slides (at `slide_break`) and each slide into its parts (at
 * `note_marker`: notes, step notes, cue), giving every token its place (see env.ts). It reads
 * the front matter, each slide's options comment (an HTML comment token `<!-- .slide: … -->`)
 * and first heading (the slide's title, and with `{#id}` its id), and reports what is wrong
 * at its line. Runs after markdown-it-attrs has read `{#id}` and `{.class}`.
 */
export function slideStructure(md: MarkdownIt): void {
  md.core.ruler.after('curly_attributes', 'deck_structure', (state) => {
    const env = deckEnv(state.env);
    if (state.inlineMode || !env.deck) return;
    const section = readFrontMatter(state.tokens, env);
    type Cut = { start: number; end: number; firstLine: number; part: SlidePart; stepNotes: ParsedSlide['stepNotes'] };
    const next = (start: number, firstLine: number): Cut => ({ start, end: state.tokens.length, firstLine, part: 'body', stepNotes: [] });
    let slide = next(0, frontMatterEnd(state.tokens) + 1);
    const cuts: Cut[] = [];
    state.tokens.forEach((token, i) => {
      if (token.type === 'front_matter') return;
      if (token.type === 'slide_break') {
        cuts.push({ ...slide, end: i });
        slide = next(i + 1, token.map![1] + 1);
        return;
      }
      if (token.type === 'note_marker') {
        slide.part = (token.meta as { part: SlidePart }).part;
        if (slide.part.startsWith('step:')) slide.stepNotes.push({ step: Number(slide.part.slice(5)), line: fileLine(env, token.map![0]) });
      } else setPlace(token, { slide: cuts.length, part: slide.part });
    });
    if (!section.closed) return;
    cuts.push(slide);
    section.parsed.slides = cuts.map((cut, n) => ({
      ...readSlide(state, state.tokens.slice(cut.start, cut.end), cut.firstLine, n === 0 ? section.parsed.id : null, env),
      stepNotes: cut.stepNotes,
    }));
    env.slideIds = section.parsed.slides.map((s) => s.id);
  });
  // The options comment has been read: it is not part of the slide.
  md.renderer.rules.slide_options = () => '';
}

/** The file's front matter: its id, title and short title, with what is wrong reported. */
function readFrontMatter(tokens: Token[], env: RenderEnv): { parsed: ParsedSection; closed: boolean } {
  const token = tokens.find((t) => t.type === 'front_matter');
  const parsed: ParsedSection = { id: '', title: '', short: '', back: false, slides: [] };
  const fix = 'Start the file with front matter: `---`, `id: my-section` (lowercase letters, digits, -), `title: …`, `---`.';
  if (!token) {
    env.deck.sink.add(env.file, 1, 'section has no id', fix);
    return { parsed, closed: true };
  }
  if (!(token.meta as { closed: boolean }).closed) {
    env.deck.sink.add(env.file, 1, 'front matter is not closed', 'End it with a line `---`.');
    return { parsed, closed: false };
  }
  let data: Record<string, unknown> | null = null;
  try {
    const value: unknown = parseYaml(token.content);
    if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
    else env.deck.sink.add(env.file, 2, 'front matter is not a mapping', 'Write `id: …` and `title: …` lines.');
  } catch (e) {
    const line = e instanceof YAMLParseError ? (e.linePos?.[0].line ?? 1) + 1 : 2;
    env.deck.sink.add(env.file, line, `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`, 'Fix the YAML syntax.');
  }
  if (data) {
    parsed.id = String(data.id ?? '');
    parsed.title = String(data.title ?? '');
    parsed.short = String(data.short ?? parsed.title);
    if (data.back !== undefined && typeof data.back !== 'boolean') env.deck.sink.add(env.file, 1, `\`back: ${String(data.back)}\` is not true or false`, 'Write `back: true` for the back matter (glossary, references), or leave it out.');
    parsed.back = data.back === true;
    if (!ID.test(parsed.id)) env.deck.sink.add(env.file, 1, data.id ? `section id \`${parsed.id}\` is not valid` : 'section has no id', fix);
    if (!parsed.title) env.deck.sink.add(env.file, 1, 'section has no title', 'Add `title: …` to the front matter.');
  } else if (!env.deck.sink.errors.some((e) => e.file === env.file)) {
    env.deck.sink.add(env.file, 1, 'section has no id', fix);
  }
  env.section = parsed;
  return { parsed, closed: true };
}

/** 0-based line after the front matter (0 without one). */
function frontMatterEnd(tokens: Token[]): number {
  return tokens.find((t) => t.type === 'front_matter')?.map?.[1] ?? 0;
}

function readSlide(state: StateCore, tokens: Token[], firstLine: number, fileId: string | null, env: RenderEnv): Omit<ParsedSlide, 'stepNotes'> {
  const { sink } = env.deck;
  const line = fileLine(env, firstLine - 1);
  const body = tokens.filter((t) => (t.meta as { place?: { part: SlidePart } } | null)?.place?.part === 'body');
  let options: SlideOptions = NO_OPTIONS;
  let optionsLine = 0;
  for (const token of tokens.filter((t) => t.type === 'html_block' && optionsComment(t.content) !== null)) {
    const at = fileLine(env, token.map?.[0] ?? 0);
    const part = (token.meta as { place?: { part: SlidePart } } | null)?.place?.part;
    if (part !== 'body') sink.add(env.file, at, 'slide options in the notes', 'Move the `<!-- .slide: … -->` line above the `Note:` line.');
    else if (optionsLine) sink.add(env.file, at, `slide options set twice (first at line ${optionsLine})`, 'Put every option in one `<!-- .slide: … -->` comment.');
    else {
      options = readSlideOptions(optionsComment(token.content)!, env.file, at, sink, env.deck.planIds, { paragraphs: env.deck.paper?.paragraphs.length ?? null });
      optionsLine = at;
    }
    token.type = 'slide_options';
  }
  for (const token of tokens.filter((t) => t.type === 'html_inline' && optionsComment(t.content) !== null)) {
    sink.add(env.file, fileLine(env, lineOfInline(state.tokens, token)), 'slide options inside a paragraph', 'Put `<!-- .slide: … -->` on a line of its own.');
  }

  const headingAt = body.findIndex((t) => t.type === 'heading_open');
  const heading = body[headingAt];
  const title = (body[headingAt + 1]?.children ?? []).filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('').trim();
  const headingId = heading?.attrGet('id') ?? null;
  const headingLine = heading ? fileLine(env, heading.map?.[0] ?? 0) : line;
  const empty = body.every((t) => t.type === 'slide_options');
  let id = headingId === null ? '' : String(headingId);
  if (empty) {
    sink.add(env.file, line, 'empty slide', 'Write its content, or remove the extra `---`.');
    id ||= `empty-slide-at-line-${line}`;
  } else if (fileId !== null) {
    if (headingId !== null && id !== fileId) {
      sink.add(env.file, headingLine, `the first slide's heading sets id \`${id}\``, `The first slide of a file takes the file's id (\`${fileId}\`); remove \`{#${id}}\`.`);
    }
    id = fileId;
  } else if (!id) {
    sink.add(env.file, line, 'slide has no id', 'Add `{#slide-id}` at the end of its first heading, e.g. `## 标题 {#logic-power}`.');
    id = `slide-at-line-${line}`;
  } else if (!ID.test(id)) {
    sink.add(env.file, headingLine, `slide id \`${id}\` is not valid`, 'Use lowercase letters, digits and -, starting with a letter.');
  }
  checkSource(env, { id, line: heading ? headingLine : line, optionsLine, options, body, opener: fileId !== null });
  // The heading's id belongs to the slide's `<section>`, not to the heading.
  if (heading) heading.attrs = (heading.attrs ?? []).filter(([name]) => name !== 'id');
  return { id, title, line: heading ? headingLine : line, options };
}

/**
 * Every slide that teaches the paper names the paragraphs it teaches (`source=`), so that the
 * paper view can link each paragraph to its slides and the build can tell what is left
 * untaught. Exempt, by their place: the title and the section openers (the first slide of
 * each file), the back matter (`back: true`: glossary, references), and the reader's own
 * scores (a slide showing `::: scores`). A `source=` on a slide with nothing but its heading
 * names paragraphs that nothing teaches. Only for a deck with the paper.
 */
function checkSource(env: RenderEnv, slide: { id: string; line: number; optionsLine: number; options: SlideOptions; body: Token[]; opener: boolean }): void {
  const { sink, paper } = env.deck;
  const content = slide.body.filter((t) => t.type !== 'slide_options' && t.type !== 'heading_open' && t.type !== 'heading_close' && !(t.type === 'inline' && isHeadingInline(slide.body, t)));
  if (slide.options.source && content.length === 0) {
    sink.add(env.file, slide.optionsLine, `\`source=\` on slide \`${slide.id}\`, which has no content`, 'Name the paragraphs on the slide that teaches them; a slide with only a heading teaches nothing.');
  }
  if (!paper || slide.options.source || slide.opener || env.section?.back || slide.body.every((t) => t.type === 'slide_options')) return;
  if (slide.body.some((t) => t.type === 'container_scores_open')) return;
  sink.add(
    env.file,
    slide.optionsLine || slide.line,
    `slide \`${slide.id}\` names no paragraph of the paper`,
    `Add the paragraphs it teaches, as the paper view numbers them (¶1–¶${paper.paragraphs.length}): \`<!-- .slide: source=12-13 -->\`. Only the title, a section's first slide and the back matter (\`back: true\` in the front matter) go without.`,
  );
}

/** True for the inline token of a heading (the token after a `heading_open`). */
function isHeadingInline(tokens: Token[], inline: Token): boolean {
  return tokens[tokens.indexOf(inline) - 1]?.type === 'heading_open';
}

/** The 0-based line of an inline child token: its block's line plus the lines before it (see inline-lines.ts). */
function lineOfInline(tokens: Token[], child: Token): number {
  const block = tokens.find((t) => t.children?.includes(child));
  return (child.meta as { line?: number } | null)?.line ?? block?.map?.[0] ?? 0;
}
