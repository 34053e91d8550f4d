import type { ErrorSink } from '../errors.ts';
import type { DeckFonts } from '../fonts/deck-fonts.ts';
import type { DiagramSource, SlideLink } from '../markdown/env.ts';
import type { DiagramDrawing } from './drawing.ts';
import { renderDiagramsInChromium } from './render-in-chromium.ts';

/** What drawing the deck's diagrams gives the compiler. */
export interface DeckDrawings {
  /** Diagram id → drawing; empty when the diagrams are left to the browser. */
  byId: Map<string, DiagramDrawing>;
  /** The drawings' shared rules, each distinct set once ('' if none). */
  css: string;
  /** The diagrams' links to slides (`click X href "#/id"`), to check with the others. */
  links: SlideLink[];
}

/** Markup a label may use (Mermaid draws it); anything else (an image, a frame) is an error. */
const LABEL_TAGS = new Set(['br', 'b', 'strong', 'i', 'em', 'u', 'sub', 'sup', 'small', 'span', 'code']);

/**
 * Draws every diagram in Chromium (see render-in-chromium.ts) and reports, at the diagram's
 * line, what Mermaid refused and what the deck does not allow: a script callback (`click … call`),
 * a link that is not to a slide (`javascript:`, another host), markup in a label that would
 * fetch or run something. Without Chromium the diagrams are left to the browser, and it says so.
 */
export async function drawDiagrams(diagrams: readonly DiagramSource[], options: { draw: boolean; cacheDir: string; fonts: DeckFonts }, sink: ErrorSink, warnings: string[]): Promise<DeckDrawings> {
  const out: DeckDrawings = { byId: new Map(), css: '', links: [] };
  if (diagrams.length === 0 || !options.draw) return out;
  const drawn = await renderDiagramsInChromium(diagrams, { cacheDir: options.cacheDir, fontCss: options.fonts.css, fontKey: options.fonts.key });
  if (!drawn) {
    warnings.push(`[deck] no Chromium found: ${diagrams.length} diagrams are left to the browser and not checked at build time (set CHROME_PATH or install chromium)`);
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
    for (const node of graph?.callbacks ?? []) {
      sink.add(d.file, d.line, `diagram node \`${node}\` calls a script (\`click … call\`)`, 'Link it to a slide instead: `click X href "#/slide-id"`.');
    }
    for (const tag of (graph?.labelTags ?? []).filter((t) => !LABEL_TAGS.has(t))) {
      sink.add(d.file, d.line, `a diagram label uses \`<${tag}>\``, `Labels may use only ${[...LABEL_TAGS].map((t) => `<${t}>`).join(' ')}: the deck loads nothing from elsewhere and runs no script.`);
    }
    for (const node of graph?.nodes ?? []) {
      if (node.link === null) continue;
      if (node.link.startsWith('#/')) out.links.push({ target: node.link.slice(2), file: d.file, line: d.line });
      else sink.add(d.file, d.line, `diagram node \`${node.id}\` links to \`${node.link}\``, 'A diagram may link only to a slide: `click X href "#/slide-id"`.');
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
