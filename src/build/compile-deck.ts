import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSection, type SectionInfo } from './compile-section.ts';
import { readDeckMeta, readReferences, type DeckMeta } from './deck-meta.ts';
import { renderDiagramsInChromium } from './diagrams/render-in-chromium.ts';
import { ErrorSink, type ContentError } from './errors.ts';
import { escapeHtml } from './html.ts';
import { REFERENCES_SLIDE_ID } from './markdown/citations.ts';
import { diagramForBrowser, diagramPlaceholder } from './markdown/diagrams.ts';
import type { DiagramSource } from './markdown/env.ts';
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
  /** @font-face rules the diagrams are measured with (the deck's own fonts). @default '' */
  fontCss?: string;
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

  const names = readdirSync(join(root, slidesDir)).filter((f) => f.endsWith('.md')).sort();
  for (const name of names.filter((n) => !SECTION_FILE.test(n) && n !== 'README.md')) {
    sink.add(`${slidesDir}/${name}`, 1, `section file name \`${name}\` does not start with a number`, 'Name section files `NN-name.md` (e.g. `02-logic.md`); they are shown in that order.');
  }
  const compiled = names.filter((n) => SECTION_FILE.test(n)).map((name) => {
    const file = `${slidesDir}/${name}`;
    return compileSection(readFileSync(join(root, file), 'utf8'), file, { md, sink, references, root, diagrams });
  });
  const sections = compiled.map((c) => c.info);
  checkIds(sections, sink);
  checkReferencesSlide(sections, compiled.map((c) => c.html).join(''), slidesDir, sink);

  const warnings: string[] = [];
  let html = compiled.map((c) => c.html).join('\n');
  html = await placeDiagrams(html, diagrams, options, sink, warnings);
  return {
    meta,
    sections,
    html,
    errors: sink.errors,
    warnings,
    files: ['slides/deck.yml', 'slides/references.yml', ...names.map((n) => `${slidesDir}/${n}`)],
  };
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

async function placeDiagrams(html: string, diagrams: DiagramSource[], options: CompileOptions, sink: ErrorSink, warnings: string[]): Promise<string> {
  if (diagrams.length === 0) return html;
  const drawn = options.prerenderDiagrams === false
    ? null
    : await renderDiagramsInChromium(diagrams, {
        cacheDir: options.cacheDir ?? join(options.root, 'node_modules/.cache/deck-diagrams'),
        fontCss: options.fontCss ?? '',
      });
  if (!drawn && options.prerenderDiagrams !== false) {
    warnings.push(`[deck] no Chromium found: ${diagrams.length} diagrams are left to the browser and not checked at build time (set CHROME_PATH or install chromium)`);
  }
  return diagrams.reduce((out, d, i) => {
    const result = drawn?.[i];
    let figure: string;
    if (!result) figure = diagramForBrowser(d.id, d.source);
    else if ('svg' in result) figure = `<figure class="deck-diagram" data-deck-diagram="${d.id}"${growLimit(result.svg)}>${result.svg}</figure>`;
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
