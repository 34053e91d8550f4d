import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCES_SLIDE_ID } from '../shared/deck-model.ts';
import { UI, uiText } from '../shared/ui-strings.ts';
import { parseSection, partTokens, renderSection, type ParsedFile } from './compile-section.ts';
import { GLOSSARY_FILE, readDeckMeta, readGlossary, readReferences } from './deck-meta.ts';
import { checkPlansFit } from './plans-fit.ts';
import { DIAGRAMS_ENV, drawDiagrams, type DiagramDrawing } from './diagrams/draw-diagrams.ts';
import { ErrorSink, type ContentError } from './errors.ts';
import { boldClasses, DECK_CSS_DIR } from './fonts/deck-css.ts';
import { addCharacters, needsGlyph, noCharacters, type ShownCharacters } from './fonts/collect-characters.ts';
import { deckFonts, type DeckFonts } from './fonts/deck-fonts.ts';
import { addShownText } from './fonts/shown-text.ts';
import type { FontFile } from './fonts/subset.ts';
import type { MarkdownIt } from 'markdown-it';
import type { DeckContext, GlossaryTerm } from './markdown/env.ts';
import { createMarkdown } from './markdown/index.ts';
import { applySlideLayouts } from './markdown/slide-layout.ts';
import { inlineRuns, lookupText } from './markdown/quotations.ts';
import type { DeckMeta } from '../shared/deck-model.ts';
import type { DeckModel } from './model.ts';
import { typesetSections } from './render/typeset-slides.ts';
import { coverageErrors, leftOutParagraphs, readLeftOut } from './paper/coverage.ts';
import { addPaperText } from './paper/paper-fonts.ts';
import { loadPaper, PAPER_FILE, type PaperDocument } from './paper/read-paper.ts';
import { quotationProblem, quotationsIn, type PaperText } from './paper/quotations.ts';
import { coverageSummary, paragraphLinks, type DeckPaper } from './paper/slide-sources.ts';

/** Where the deck's sources are and how to draw its diagrams. */
export interface CompileOptions {
  /** Project root: `slides/` and `assets/` are under it. */
  root: string;
  /** The folder of section files, relative to root. @default 'slides' */
  slidesDir?: string;
  /** Where diagrams are drawn (see diagrams/draw-diagrams.ts). @default 'build', or 'browser' when DECK_DIAGRAMS=browser */
  diagrams?: DiagramDrawing;
  /** Where drawn diagrams are cached. @default '<root>/node_modules/.cache/deck-diagrams' */
  cacheDir?: string;
  /** Subset the deck font to the characters the deck shows, checking it has them all; diagrams are measured with it. @default true */
  fonts?: boolean;
  /** Where font subsets are cached. @default '<root>/node_modules/.cache/deck-fonts' */
  fontCacheDir?: string;
}

/** The compiled deck: its model, what the pages need beside it, and everything that is wrong with it. */
export interface CompiledDeck {
  model: DeckModel;
  errors: ContentError[];
  /** Not errors, but worth saying (e.g. diagrams left to the browser). */
  warnings: string[];
  /** The deck font's woff2 files, to serve with the page (none when `fonts` is false). */
  fonts: FontFile[];
  /** The drawn diagrams' shared stylesheet, for the page's `<head>` ('' if none). */
  diagramCss: string;
  /** Which slides teach which paragraphs of the paper, and the coverage; null for a deck without the paper. */
  paper: DeckPaper | null;
}

const SECTION_FILE = /^\d+-[\w-]+\.md$/;

/**
 * Compiles `slides/` into the deck model, collecting every content error with its place. Every
 * file is parsed first (terms are marked where they first appear, links can then be checked
 * against every slide), then the font is subset to what the deck shows, the diagrams are drawn
 * with it, and only then is anything rendered.
 */
export async function compileDeck(options: CompileOptions): Promise<CompiledDeck> {
  const { root } = options;
  const slidesDir = options.slidesDir ?? 'slides';
  const sink = new ErrorSink();
  const warnings: string[] = [];
  const { meta, planLines } = readDeckMeta(root, sink);
  const references = readReferences(root, sink);
  const paper = readPaperIfAny(root);
  const deck: DeckContext = {
    sink,
    planIds: meta.plans.map((p) => p.id),
    bibliography: references,
    root,
    glossary: { terms: readGlossary(root, sink) },
    diagrams: [],
    links: [],
    citations: [],
    quizzes: [],
    paper,
    rendering: null,
  };
  const md = createMarkdown();
  const parsed = sectionFiles(root, slidesDir, sink).map((file) => parseSection(readFileSync(join(root, file), 'utf8'), file, md, deck));
  checkIds(parsed, sink);
  // Before the font is subset: a layout sets some words bold.
  const layouts = applySlideLayouts(parsed);
  if (paper) checkGlossaryQuotations(deck.glossary.terms, lookupText(paper), md, sink);
  for (const t of deck.glossary.terms.filter((term) => term.firstSlide === null)) {
    sink.add(GLOSSARY_FILE, t.line, `term 「${t.term}」 appears on no slide`, 'Use it in a slide (not only in a heading or the notes), or remove it from the glossary.');
  }

  const fonts: DeckFonts = options.fonts === false
    ? { files: [], css: '', key: '' }
    : await deckFonts({ root, slidesDir, ...shownText(parsed, deck, meta, root, md), cacheDir: options.fontCacheDir ?? join(root, 'node_modules/.cache/deck-fonts') }, sink, warnings);
  const drawings = await drawDiagrams(deck.diagrams, {
    draw: options.diagrams ?? (process.env[DIAGRAMS_ENV] === 'browser' ? 'browser' : 'build'),
    cacheDir: options.cacheDir ?? join(root, 'node_modules/.cache/deck-diagrams'),
    fonts,
  }, sink, warnings);
  const ids = new Set(parsed.flatMap((p) => p.section.slides.map((s) => s.id)));
  for (const link of [...deck.links, ...drawings.links]) {
    if (!ids.has(link.target)) sink.add(link.file, link.line, `link to unknown slide \`#/${link.target}\``, 'Link to the id of an existing slide (see the `{#id}` of its heading).');
  }

  deck.rendering = {
    slideTitles: new Map(parsed.flatMap((p) => p.section.slides.map((s) => [s.id, s.title]))),
    drawings: drawings.byId,
  };
  const sections = typesetSections(parsed.map((p, i) => renderSection(p, md, i === 0, layouts)));
  if (deck.citations.length && !ids.has(REFERENCES_SLIDE_ID)) {
    sink.add(`${slidesDir}/`, 1, `citations link to slide \`${REFERENCES_SLIDE_ID}\`, which does not exist`, 'Add a section whose id is `references` with a `::: references` block.');
  }
  checkPlansFit(meta.plans, sections, planLines, sink);
  const model: DeckModel = {
    meta,
    sections,
    quizzes: deck.quizzes,
    diagrams: deck.diagrams.map((d) => ({ ...d, drawing: drawings.byId.get(d.id) ?? null })),
    glossary: deck.glossary.terms,
    references: [...references.values()],
    citations: deck.citations,
  };
  return { model, errors: sink.errors, warnings, fonts: fonts.files, diagramCss: drawings.css, paper: paper && deckPaper(root, paper, model, sink) };
}

/**
 * The paper, when the deck has it (a test fixture may not). Its own problems are reported by
 * the paper page's plugin (`deck:paper`), not here.
 */
function readPaperIfAny(root: string): PaperDocument | null {
  return existsSync(join(root, PAPER_FILE)) ? loadPaper(root, new ErrorSink()) : null;
}

/**
 * The slides' links to the paper and its coverage: every body paragraph is taught by a slide
 * (`source=`) or left out on purpose (`leftOut:` in deck.yml); the build fails on any other.
 */
function deckPaper(root: string, paper: PaperDocument, model: DeckModel, sink: ErrorSink): DeckPaper {
  const links = paragraphLinks(model.sections);
  const entries = readLeftOut(root, paper.paragraphs.length, sink);
  for (const e of coverageErrors(paper.paragraphs, links, entries)) sink.add(e.file, e.line, e.problem, e.fix);
  const leftOut = leftOutParagraphs(entries);
  return { links, leftOut, summary: coverageSummary(paper.paragraphs, links, leftOut) };
}

/**
 * The glossary's definitions quote the paper verbatim too (each “…”, at its entry's line); they
 * belong to no slide, so no `source=` holds them.
 */
function checkGlossaryQuotations(terms: readonly GlossaryTerm[], paper: PaperText, md: MarkdownIt, sink: ErrorSink): void {
  for (const t of terms) {
    const children = md.parseInline(t.definition, {})[0]?.children ?? [];
    for (const q of quotationsIn(inlineRuns(children, () => t.line))) {
      const problem = quotationProblem(q, null, paper);
      if (problem) sink.add(GLOSSARY_FILE, q.line, problem.problem, problem.fix);
    }
  }
}

/** The section files in deck order (paths from the root); what is wrong with the folder is reported. */
function sectionFiles(root: string, slidesDir: string, sink: ErrorSink): string[] {
  const dir = join(root, slidesDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    sink.add(`${slidesDir}/`, 1, `the folder ${slidesDir}/ is missing`, `Create it with one Markdown file per section (see the README, "Authoring format").`);
    return [];
  }
  const names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  for (const name of names.filter((n) => !SECTION_FILE.test(n) && n !== 'README.md')) {
    sink.add(`${slidesDir}/${name}`, 1, `section file name \`${name}\` does not start with a number`, 'Name section files `NN-name.md` (e.g. `02-logic.md`); they are shown in that order.');
  }
  const files = names.filter((n) => SECTION_FILE.test(n)).map((n) => `${slidesDir}/${n}`);
  if (files.length === 0 && names.length === 0) {
    sink.add(`${slidesDir}/`, 1, `${slidesDir}/ has no section files`, 'Add one `NN-name.md` file per section of the paper.');
  }
  return files;
}

function checkIds(parsed: ParsedFile[], sink: ErrorSink): void {
  const seen = new Map<string, { file: string; line: number }>();
  for (const { file, section } of parsed) {
    for (const slide of section.slides) {
      const first = seen.get(slide.id);
      if (first) sink.add(file, slide.line, `duplicate slide id \`${slide.id}\` (first used at ${first.file}:${first.line})`, 'Give each slide its own id.');
      else seen.set(slide.id, { file, line: slide.line });
    }
  }
}

/**
 * What the deck shows in its font (every part of every slide, the glossary, the references,
 * the diagrams' sources, deck.yml's text, the paper page), and what its first screen draws.
 */
function shownText(parsed: ParsedFile[], deck: DeckContext, meta: DeckMeta, root: string, md: MarkdownIt): { shown: ShownCharacters; firstScreen: ShownCharacters } {
  const { title } = meta;
  const classes = boldClasses(root, DECK_CSS_DIR);
  const shown = noCharacters();
  const firstScreen = noCharacters();
  for (const file of parsed) addShownText(file.tokens, shown, { boldClasses: classes, hidden: true, md });
  const first = parsed[0];
  // The first slide, and its notes: the phone's study view shows them under it, on its first screen.
  if (first) for (const part of ['body', 'notes'] as const) addShownText(partTokens(first, 0, part), firstScreen, { boldClasses: classes, hidden: false, md });
  for (const t of deck.glossary.terms) {
    addCharacters(t.term, shown.all, shown.bold);
    addShownText(md.parseInline(t.definition, {}), shown, { boldClasses: classes, hidden: true, md });
  }
  for (const r of deck.bibliography.values()) addCharacters(r.text, shown.all);
  addPaperText(root, shown);
  for (const d of deck.diagrams) addCharacters(d.source, shown.all);
  const titles = [title, ...parsed.flatMap((p) => [p.section.title, p.section.short])];
  for (const text of titles) addCharacters(text, shown.all, shown.bold);
  // deck.yml's words are on the covers of the printed pages.
  for (const text of [meta.subtitle, meta.englishTitle, meta.funding, ...meta.keywords, ...meta.authors.flatMap((a) => [a.name, a.affiliation])]) addCharacters(String(text), shown.all, shown.bold);
  // The study view's first screen: the deck's and the first part's titles, its header and contents.
  // (Its ASCII is the first slide's concern: Latin text comes from one face or the other, whole.)
  for (const text of [title, parsed[0]?.section.title ?? '', ...uiText(UI.study)]) addCharacters([...text].filter(needsGlyph).join(''), firstScreen.all, firstScreen.bold);
  return { shown, firstScreen };
}
