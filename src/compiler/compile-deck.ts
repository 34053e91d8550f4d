import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSection, type CompiledSection, type SectionInfo } from './compile-section.ts';
import { GLOSSARY_FILE, readDeckMeta, readGlossary, readReferences, type DeckMeta } from './deck-meta.ts';
import { cleanSvg } from './diagrams/clean-svg.ts';
import { renderDiagramsInChromium } from './diagrams/render-in-chromium.ts';
import { diagramTextAlternative, TEXT_ALTERNATIVE_UI } from './diagrams/text-alternative.ts';
import { ErrorSink, type ContentError } from './errors.ts';
import { deckFonts, type DeckFonts } from './fonts/deck-fonts.ts';
import type { FontFile } from './fonts/subset.ts';
import { escapeHtml } from '../shared/html.ts';
import { shareDiagramStyles } from './html/diagram-styles.ts';
import { markFirstSlide } from './html/first-slide.ts';
import { paperFontText } from './paper/paper-fonts.ts';
import { REFERENCES_SLIDE_ID } from './markdown/citations.ts';
import { diagramForBrowser, diagramPlaceholder } from './markdown/diagrams.ts';
import type { DiagramSource, GlossaryTerm, RenderEnv } from './markdown/env.ts';
import type { MarkdownIt } from 'markdown-it';
import { createMarkdown } from './markdown/index.ts';

/** Where the deck's sources are and how to draw its diagrams. */
export interface CompileOptions {
  /** Project root: `slides/` and `assets/` are under it. */
  root: string;
  /** The folder of section files, relative to root. @default 'slides' */
  slidesDir?: string;
  /** Draw diagrams at build time in Chromium (else the browser draws them). @default true */
  prerenderDiagrams?: boolean;
  /** Where drawn diagrams are cached. @default '<root>/node_modules/.cache/deck-diagrams' */
  cacheDir?: string;
  /** Subset the deck font to the characters the deck shows, checking it has them all; diagrams are measured with it. @default true */
  fonts?: boolean;
  /** Where font subsets are cached. @default '<root>/node_modules/.cache/deck-fonts' */
  fontCacheDir?: string;
}

/** The compiled deck: the slides' HTML, what they are, and everything that is wrong with them. */
export interface CompiledDeck {
  meta: DeckMeta;
  sections: SectionInfo[];
  /** All `<section>` groups, ready for `.reveal .slides`. */
  html: string;
  errors: ContentError[];
  /** Not errors, but worth saying (e.g. diagrams left to the browser). */
  warnings: string[];
  /** Every file the deck was compiled from, to watch in the dev server. */
  files: string[];
  /** The deck font's woff2 files, to serve with the page (none when `fonts` is false). */
  fonts: FontFile[];
  /** The drawn diagrams' stylesheet, shared by all of them, for the page's `<head>` ('' if none). */
  diagramCss: string;
}

const SECTION_FILE = /^\d+-[\w-]+\.md$/;

/** Compiles `slides/` into reveal.js sections, collecting every content error with its place. */
export async function compileDeck(options: CompileOptions): Promise<CompiledDeck> {
  const { root } = options;
  const slidesDir = options.slidesDir ?? 'slides';
  const sink = new ErrorSink();
  const meta = readDeckMeta(root, sink);
  const references = readReferences(root, sink);
  const md = createMarkdown();
  const diagrams: DiagramSource[] = [];
  const glossary = { terms: readGlossary(root, sink) };

  const names = readdirSync(join(root, slidesDir)).filter((f) => f.endsWith('.md')).sort();
  for (const name of names.filter((n) => !SECTION_FILE.test(n) && n !== 'README.md')) {
    sink.add(`${slidesDir}/${name}`, 1, `section file name \`${name}\` does not start with a number`, 'Name section files `NN-name.md` (e.g. `02-logic.md`); they are shown in that order.');
  }
  const compiled = names.filter((n) => SECTION_FILE.test(n)).map((name) => {
    const file = `${slidesDir}/${name}`;
    return compileSection(readFileSync(join(root, file), 'utf8'), file, { md, sink, references, root, diagrams, glossary });
  });
  const sections = compiled.map((c) => c.info);
  checkIds(sections, sink);
  checkReferencesSlide(sections, compiled.map((c) => c.html).join(''), slidesDir, sink);

  const warnings: string[] = [];
  const glossaryEnv: RenderEnv = { file: GLOSSARY_FILE, lineOffset: 0, sink, bibliography: references, root, diagrams, slideId: 'glossary', sectionId: '', inNotes: true, glossary };
  checkSlideLinks(compiled, root, sink);
  let html = placeGlossary(compiled.map((c) => c.html).join('\n'), glossary.terms, sections, md, glossaryEnv);
  const fonts: DeckFonts = options.fonts === false
    ? { files: [], css: '', key: '' }
    : await deckFonts({
        root,
        slidesDir,
        html,
        text: [...diagrams.map((d) => d.source), ...paperFontText(root)],
        // The text versions' summary (查看文字版) is set bold.
        boldText: [meta.title, ...sections.map((s) => s.title), TEXT_ALTERNATIVE_UI],
        cacheDir: options.fontCacheDir ?? join(root, 'node_modules/.cache/deck-fonts'),
      }, sink, warnings);
  html = await placeDiagrams(html, diagrams, options, fonts, sink, warnings);
  const shared = shareDiagramStyles(html);
  html = markFirstSlide(shared.html);
  return {
    meta,
    sections,
    html,
    errors: sink.errors,
    warnings,
    files: ['slides/deck.yml', 'slides/references.yml', GLOSSARY_FILE, ...names.map((n) => `${slidesDir}/${n}`)],
    fonts: fonts.files,
    diagramCss: shared.css,
  };
}

/** Fills every `::: glossary` list; a term that no slide uses is reported at its glossary line. */
function placeGlossary(html: string, terms: GlossaryTerm[], sections: SectionInfo[], md: MarkdownIt, env: RenderEnv): string {
  for (const t of terms.filter((t) => t.firstSlide === null)) {
    env.sink.add(GLOSSARY_FILE, t.line, `term 「${t.term}」 appears on no slide`, 'Use it in a slide (not only in a heading or the notes), or remove it from the glossary.');
  }
  const slides = sections.flatMap((s) => s.slides);
  return html.replace(/<!--deck:glossary:([\d-]*)-->/g, (_m, range: string) => {
    const [from, to] = range ? range.split('-').map(Number) : [1, terms.length];
    const items = terms.slice((from ?? 1) - 1, to).map((t) => {
      const n = slides.findIndex((s) => s.id === t.firstSlide) + 1;
      const where = n ? ` <a class="deck-glossary-where" href="#/${t.firstSlide}">见第 ${n} 页</a>` : '';
      return `<div class="deck-glossary-entry"><dt>${escapeHtml(t.term)}</dt><dd>${md.renderInline(t.definition, { ...env, lineOffset: t.line - 1 })}${t.teaching ? '<span class="deck-term-source">（教学补充）</span>' : ''}${where}</dd></div>`;
    });
    return `<dl class="deck-glossary">${items.join('')}</dl>`;
  });
}

/** Every `#/slide-id` link must lead to a slide of the deck; reported where the link is written. */
function checkSlideLinks(compiled: CompiledSection[], root: string, sink: ErrorSink): void {
  const ids = new Set(compiled.flatMap((c) => c.info.slides.map((s) => s.id)));
  for (const { info, html } of compiled) {
    const lines = readFileSync(join(root, info.file), 'utf8').split('\n');
    for (const m of html.matchAll(/href="#\/([^"]*)"/g)) {
      const target = m[1]!;
      if (ids.has(target)) continue;
      const line = lines.findIndex((l) => l.includes(`#/${target}`)) + 1;
      sink.add(info.file, line || 1, `link to unknown slide \`#/${target}\``, 'Link to the id of an existing slide (see the `{#id}` of its heading).');
    }
  }
}

function checkIds(sections: SectionInfo[], sink: ErrorSink): void {
  const seen = new Map<string, { file: string; line: number }>();
  for (const slide of sections.flatMap((s) => s.slides)) {
    const first = seen.get(slide.id);
    if (first) sink.add(slide.file, slide.line, `duplicate slide id \`${slide.id}\` (first used at ${first.file}:${first.line})`, 'Give each slide its own id.');
    else seen.set(slide.id, slide);
  }
}

function checkReferencesSlide(sections: SectionInfo[], html: string, slidesDir: string, sink: ErrorSink): void {
  const cited = html.includes('class="deck-cite"');
  const has = sections.some((s) => s.slides.some((sl) => sl.id === REFERENCES_SLIDE_ID));
  if (cited && !has) {
    sink.add(`${slidesDir}/`, 1, `citations link to slide \`${REFERENCES_SLIDE_ID}\`, which does not exist`, 'Add a section whose id is `references` with a `::: references` block.');
  }
}

async function placeDiagrams(html: string, diagrams: DiagramSource[], options: CompileOptions, fonts: DeckFonts, sink: ErrorSink, warnings: string[]): Promise<string> {
  if (diagrams.length === 0) return html;
  const drawn = options.prerenderDiagrams === false
    ? null
    : await renderDiagramsInChromium(diagrams, {
        cacheDir: options.cacheDir ?? join(options.root, 'node_modules/.cache/deck-diagrams'),
        fontCss: fonts.css,
        fontKey: fonts.key,
      });
  if (!drawn && options.prerenderDiagrams !== false) {
    warnings.push(`[deck] no Chromium found: ${diagrams.length} diagrams are left to the browser and not checked at build time (set CHROME_PATH or install chromium)`);
  }
  return diagrams.reduce((out, d, i) => {
    const result = drawn?.[i];
    let figure: string;
    // Every diagram that draws is followed by its text version (查看文字版), a nested list.
    if (!result) figure = diagramForBrowser(d.id, d.source) + diagramTextAlternative(d.source);
    else if ('svg' in result) figure = `<figure class="deck-diagram" data-deck-diagram="${d.id}"${growLimit(result.svg)}>${cleanSvg(result.svg)}</figure>${diagramTextAlternative(d.source)}`;
    else {
      sink.add(d.file, d.line + (result.line ?? 0), `Mermaid diagram does not parse: ${result.error}`, 'Fix the diagram (Mermaid flowchart syntax; quote labels with punctuation: A["…"]).');
      figure = `<figure class="deck-diagram deck-error" role="alert" data-deck-diagram="${d.id}"><p>图表错误：${escapeHtml(result.error)}</p><pre>${escapeHtml(d.source)}</pre></figure>`;
    }
    return out.replace(diagramPlaceholder(d.id), () => figure);
  }, html);
}

/** Small diagrams grow to fill the slide, but no more than 1.6× their drawn size (labels stay in proportion). */
const MAX_GROWTH = 1.6;

function growLimit(svg: string): string {
  const width = /<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1];
  return width ? ` style="--deck-diagram-max-width: ${Math.round(Number(width) * MAX_GROWTH)}px"` : '';
}
