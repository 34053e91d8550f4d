import { noBrowserMessage } from '../../node/chromium.ts';
import { deckError } from '../../node/errors.ts';
import type { ErrorSink } from '../errors.ts';
import type { DeckFonts } from '../fonts/deck-fonts.ts';
import type { DiagramSource, SlideLink } from '../markdown/env.ts';
import type { DiagramDrawing as Drawing } from './drawing.ts';
import { renderDiagramsInChromium } from './render-in-chromium.ts';

/** What drawing the deck's diagrams gives the compiler. */
export interface DeckDrawings {
  /** Diagram id → drawing; empty when the diagrams are left to the browser. */
  byId: Map<string, Drawing>;
  /** The drawings' shared rules, each distinct set once ('' if none). */
  css: string;
  /** The diagrams' links to slides (`click X href "#/id"`), to check with the others. */
  links: SlideLink[];
}

/**
 * Where diagrams are drawn: `build` (in Chromium at build time; no Chromium fails the build),
 * `build-or-browser` (the dev server: without Chromium, leave them to the browser, and say so),
 * `browser` (asked for with DECK_DIAGRAMS=browser: Mermaid draws them in each reader's page).
 */
export type DiagramDrawing = 'build' | 'build-or-browser' | 'browser';

/** The environment variable that asks for diagrams drawn in the browser. */
export const DIAGRAMS_ENV = 'DECK_DIAGRAMS';

/** How drawDiagrams works. */
export interface DrawOptions {
  draw: DiagramDrawing;
  cacheDir: string;
  fonts: DeckFonts;
}

/** Markup a label may use (Mermaid draws it); anything else (an image, a frame) is an error. */
const LABEL_TAGS = new Set(['br', 'b', 'strong', 'i', 'em', 'u', 'sub', 'sup', 'small', 'span', 'code']);

/**
 * Draws every diagram in Chromium (see render-in-chromium.ts) and reports, at the diagram's
 * line, what Mermaid refused and what the deck does not allow: a script callback (`click … call`),
 * a link that is not to a slide (`javascript:`, another host), markup in a label that would
 * fetch or run something. Without Chromium the diagrams are left to the browser, and it says so.
 */
export async function drawDiagrams(diagrams: readonly DiagramSource[], options: DrawOptions, sink: ErrorSink, warnings: string[]): Promise<DeckDrawings> {
  const out: DeckDrawings = { byId: new Map(), css: '', links: [] };
  if (diagrams.length === 0 || options.draw === 'browser') return out;
  const drawn = await renderDiagramsInChromium(diagrams, { cacheDir: options.cacheDir, fontCss: options.fonts.css, fontKey: options.fonts.key });
  if (!drawn) {
    const found = `${diagrams.length} diagrams cannot be drawn: ${noBrowserMessage()}`;
    // A build must not ship diagrams nobody has checked; the dev server keeps serving.
    if (options.draw === 'build') throw deckError(`${found}; or build with ${DIAGRAMS_ENV}=browser to let each reader's browser draw them`);
    warnings.push(`[deck] ${found}: they are left to the browser and not checked`);
    return out;
  }
  const sheets = new Map<string, string>();
  diagrams.forEach((d, i) => {
    const result = drawn[i]!;
    if (result.kind === 'error') {
      sink.add(d.file, d.line + (result.line ?? 0), `Mermaid diagram does not parse: ${result.message}`, 'Fix the diagram (Mermaid flowchart syntax; quote labels with punctuation: A["…"]).');
      out.byId.set(d.id, result);
      return;
    }
    const { graph, ...rest } = result;
    const refused: string[] = [];
    const refuse = (problem: string, fix: string): void => {
      sink.add(d.file, d.line, problem, fix);
      refused.push(problem);
    };
    for (const node of graph?.callbacks ?? []) {
      refuse(`diagram node \`${node}\` calls a script (\`click … call\`)`, 'Link it to a slide instead: `click X href "#/slide-id"`.');
    }
    for (const tag of (graph?.labelTags ?? []).filter((t) => !LABEL_TAGS.has(t))) {
      refuse(`a diagram label uses \`<${tag}>\``, `Labels may use only ${[...LABEL_TAGS].map((t) => `<${t}>`).join(' ')}: the deck loads nothing from elsewhere and runs no script.`);
    }
    for (const node of graph?.nodes ?? []) {
      if (node.link === null) continue;
      if (node.link.startsWith('#/')) out.links.push({ target: node.link.slice(2), file: d.file, line: d.line });
      else refuse(`diagram node \`${node.id}\` links to \`${node.link}\``, 'A diagram may link only to a slide: `click X href "#/slide-id"`.');
    }
    // A drawing with refused parts would still fetch or link where the label says (the dev
    // server, a build that shows its errors): its source is shown as text instead, as refused HTML is.
    if (refused.length) {
      out.byId.set(d.id, { kind: 'error', message: refused.join('; '), line: null });
      return;
    }
    for (const label of graph?.brokenLabels ?? []) {
      sink.add(d.file, d.line, `Mermaid breaks the diagram label “${label}” where the source does not (or leaves one character on a line)`, 'Break the label with <br/> where it should break, into lines of two characters or more.');
    }
    if (rest.sheet) sheets.set(rest.sheet.className, rest.sheet.css);
    if (rest.narrow?.sheet) sheets.set(rest.narrow.sheet.className, rest.narrow.sheet.css);
    out.byId.set(d.id, { ...rest, graph: graph ? { nodes: graph.nodes, groups: graph.groups, edges: graph.edges } : null });
  });
  out.css = [...sheets.values()].join('\n');
  return out;
}
