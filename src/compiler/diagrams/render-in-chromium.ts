import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MERMAID_CONFIG, PHONE_DIAGRAM } from '../../shared/mermaid-config.ts';
import { findBrowser, launchBrowser } from '../../node/chromium.ts';
import type { DiagramDrawing } from './drawing.ts';
import type { DiagramGraph } from './outline.ts';

/** What the page hands back for one diagram: a drawing, with what Mermaid read of it; or why Mermaid refused it. */
export type DrawnInPage =
  | (Omit<Extract<DiagramDrawing, { kind: 'svg' }>, 'graph'> & { graph: (DiagramGraph & PageFindings) | null })
  | Extract<DiagramDrawing, { kind: 'error' }>;

/** What the page found in a flowchart that the deck does not allow; the compiler reports it. */
export interface PageFindings {
  /** Nodes with `click … call …` (a script callback). */
  callbacks: string[];
  /** Markup elements used in labels (`<br>`, `<b>`, … or `<img>`), by tag name. */
  labelTags: string[];
  /** Box labels drawn on more lines than the source's `<br>`s make, or with a line of one character. */
  brokenLabels: string[];
}

const require = createRequire(import.meta.url);
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;
/** Bumped when what the page does to a drawing changes, so cached drawings are made again. */
const PAGE_VERSION = 4;

/**
 * Draws Mermaid diagrams to SVG in a headless Chromium, so the deck shows finished SVGs at
 * first paint (no Mermaid in the page, nothing measured in a hidden slide), and reads each
 * with Mermaid's own parser for its text version. The page's DOM and CSS parser also finish
 * each drawing for the deck (see `finishDrawings`). Results are cached by source, config,
 * fonts and Mermaid version. Returns null when there is no Chromium.
 */
export async function renderDiagramsInChromium(
  diagrams: readonly { id: string; source: string }[],
  options: { cacheDir: string; fontCss: string; fontKey?: string },
): Promise<DrawnInPage[] | null> {
  // fontKey (when given) names the fonts' glyphs, so a subset that merely gains characters keeps the cache.
  const fontKey = options.fontKey ?? options.fontCss;
  const keyOf = (d: { id: string; source: string }): string =>
    createHash('sha256').update(JSON.stringify([MERMAID_VERSION, MERMAID_CONFIG, PHONE_DIAGRAM, PAGE_VERSION, fontKey, d.id, d.source])).digest('hex').slice(0, 32);
  const results: (DrawnInPage | null)[] = diagrams.map((d) => {
    const file = join(options.cacheDir, `${keyOf(d)}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DrawnInPage) : null;
  });
  const todo = diagrams.map((d, i) => ({ ...d, i })).filter(({ i }) => results[i] === null);
  if (todo.length === 0) return results as DrawnInPage[];
  if (!findBrowser()) return null;

  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${options.fontCss}</style></head><body></body></html>`);
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    // Run under tsx, the function below is compiled with esbuild's keepNames, which wraps inner
    // functions in `__name(…)`: the page needs that helper too.
    await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
    const drawn = await page.evaluate(finishDrawings, { items: todo.map(({ id, source }) => ({ id, source })), config: MERMAID_CONFIG, phone: PHONE_DIAGRAM });
    mkdirSync(options.cacheDir, { recursive: true });
    drawn.forEach((d, k) => {
      const { i } = todo[k]!;
      const result: DrawnInPage = d.kind === 'svg' ? d : { kind: 'error', message: firstLine(d.message), line: errorLine(d.message) };
      results[i] = result;
      if (result.kind === 'svg') writeFileSync(join(options.cacheDir, `${keyOf(diagrams[i]!)}.json`), JSON.stringify(result));
    });
  } finally {
    await browser.close();
  }
  return results as DrawnInPage[];
}

type MermaidInPage = {
  initialize(config: unknown): void;
  render(id: string, source: string): Promise<{ svg: string }>;
  mermaidAPI: { getDiagramFromText(source: string): Promise<{ db: Record<string, unknown> }> };
};
type FlowDb = {
  getVertices(): Map<string, { id: string; text?: string; link?: string; haveCallback?: boolean }>;
  getEdges(): { start: string; end: string; text?: string; type?: string; stroke?: string }[];
  getSubGraphs(): { id: string; title: string; nodes: string[] }[];
  getAccTitle?(): string;
  getAccDescription?(): string;
};

/**
 * Runs in the page, once per batch: reads each diagram with Mermaid's parser (in `loose` mode,
 * so click links and callbacks come through as written; nothing is drawn or run then), draws
 * it, and finishes the SVG with the page's own DOM and CSS parser:
 * - Mermaid gives every SVG its own ~6 KB `<style>`, scoped by the SVG's id: the rules that do
 *   not name the diagram's own elements move out, scoped by a class instead (one copy per
 *   distinct set for the page's `<head>`); rules naming them (`url(#<id>-…)`) stay if they can match;
 * - arrowheads no edge points to, and Mermaid's edge data (`data-points`) are left out;
 * - an HTML label's `<p>` (not allowed in a `<span>`) gives its text to the span; a node's
 *   `title` attribute (not SVG) becomes its `<title>` child, SVG's own tooltip;
 * - each edge label gets a background behind its words (Mermaid leaves it empty), and box
 *   labels that Mermaid broke on its own are reported;
 * - a flowchart wider than a phone's column is drawn a second time for phones (`narrow`): top to
 *   bottom, or tighter, whichever first fits (PHONE_DIAGRAM); its SVG has an id of its own.
 */
async function finishDrawings({ items, config, phone }: { items: { id: string; source: string }[]; config: typeof MERMAID_CONFIG; phone: typeof PHONE_DIAGRAM }): Promise<
  ({ kind: 'svg'; svg: string; sheet: { className: string; css: string } | null; width: number; narrow: { svg: string; sheet: { className: string; css: string } | null; width: number } | null; graph: (DiagramGraph & PageFindings) | null; title: string; description: string } | { kind: 'error'; message: string })[]
> {
  const mermaid = (window as unknown as { mermaid: MermaidInPage }).mermaid;
  // A face loads only once text uses it: load them all first, or labels are measured in a fallback font.
  await Promise.all([...document.fonts].map((f) => f.load()));
  await document.fonts.ready;
  const SCOPE = '.__deck_mermaid__';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  /** `text` with each `#id` that is the whole id (not the start of a longer one) replaced. */
  const replaceId = (text: string, id: string, by: string): string => {
    let out = '';
    let at = 0;
    for (let i = text.indexOf(`#${id}`); i >= 0; i = text.indexOf(`#${id}`, i + 1)) {
      const next = text.charAt(i + id.length + 1);
      if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') || next === '-' || next === '_') continue;
      out += text.slice(at, i) + by;
      at = i + id.length + 1;
    }
    return out + text.slice(at);
  };
  /** A short stable hash (FNV-1a) naming a set of rules. */
  const hash = (text: string): string => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  /** A label's markup, parsed inert (nothing loads or runs): Mermaid's entity marks put back first. */
  const parseLabel = (label: string): Document => {
    const entities = label.split('ﬂ°°').join('&#').split('ﬂ°').join('&').split('¶ß').join(';');
    return new DOMParser().parseFromString(`<body>${entities}`, 'text/html');
  };
  const spoken = (label: string | undefined): string => {
    const doc = parseLabel(label ?? '');
    doc.querySelectorAll('br').forEach((br) => br.replaceWith(' '));
    return (doc.body.textContent ?? '').split(/\s+/).filter(Boolean).join(' ');
  };

  type Drawn = { svg: string; sheet: { className: string; css: string } | null; width: number; brokenLabels: string[] };
  /** The source drawn top to bottom (its first `flowchart LR` / `graph RL` line turned), or null if it is not left to right. */
  const topToBottom = (source: string): string | null => {
    const lines = source.split('\n');
    const at = lines.findIndex((l) => /^\s*(flowchart|graph)\s+(LR|RL)\b/.test(l));
    if (at < 0) return null;
    lines[at] = lines[at]!.replace(/\b(LR|RL)\b/, 'TB');
    return lines.join('\n');
  };
  /**
   * Box labels that Mermaid broke where the source did not (more lines than its `<br>`s make),
   * or with a line of one character: a box's label breaks only where its author says.
   */
  const labelsBrokenByWidth = (root: SVGSVGElement): string[] => {
    const broken: string[] = [];
    for (const label of root.querySelectorAll<Element>('g.node .nodeLabel, g.node text')) {
      const lines = new Map<number, string>();
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (let i = 0; i < n.data.length; i++) {
          if (!n.data[i]!.trim()) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const box = range.getBoundingClientRect();
          if (box.width === 0) continue;
          const top = Math.round(box.top / 8);
          lines.set(top, (lines.get(top) ?? '') + n.data[i]);
        }
      }
      const shown = [...lines.values()];
      const given = Math.max(label.querySelectorAll('br').length + 1, label.querySelectorAll('tspan.row').length);
      const single = shown.some((l) => [...l].filter((ch) => /\p{Script=Han}/u.test(ch)).length === 1 && [...l].every((ch) => /\p{Script=Han}|\p{P}/u.test(ch)));
      if (shown.length > given || (single && shown.length > 1)) broken.push(shown.join(' / '));
    }
    return broken;
  };
  /**
   * Mermaid leaves an SVG edge label's background rectangle empty, so lines ran through the
   * words (提供强大动力): each label gets a rectangle of the label background behind its text.
   */
  const labelBackgrounds = (root: SVGSVGElement, fill: string): void => {
    root.querySelectorAll('rect.background').forEach((r) => {
      const group = r.parentElement;
      r.remove();
      if (group?.localName === 'g' && group.childElementCount === 0) group.remove();
    });
    for (const text of root.querySelectorAll<SVGTextElement>('g.edgeLabel text')) {
      if (!text.textContent?.trim()) continue;
      const b = text.getBBox();
      const pad = 4;
      const bg = document.createElementNS(SVG_NS, 'rect');
      bg.setAttribute('class', 'deck-label-bg');
      bg.setAttribute('x', String(Math.round(b.x - pad)));
      bg.setAttribute('y', String(Math.round(b.y - pad / 2)));
      bg.setAttribute('width', String(Math.round(b.width + 2 * pad)));
      bg.setAttribute('height', String(Math.round(b.height + pad)));
      bg.setAttribute('rx', '4');
      // Inline: Mermaid's own rules make an edge label's rectangle half transparent.
      bg.setAttribute('style', `fill: ${fill}; opacity: 1; stroke: none`);
      text.before(bg);
    }
  };
  /** Draws one SVG and finishes it for the deck (see above); `className` says which of a diagram's drawings it is. */
  const draw = async (id: string, source: string, cfg: object, className: string): Promise<Drawn> => {
    mermaid.initialize(cfg);
    const { svg } = await mermaid.render(id, source);
    const host = document.createElement('div');
    host.innerHTML = svg;
    document.body.append(host);
    const root = host.querySelector('svg')!;
    root.classList.add(className);
    // Measured while Mermaid's own style sheet still applies (its font size): labels' lines, their backgrounds.
    const brokenLabels = labelsBrokenByWidth(root);
    labelBackgrounds(root, String((cfg as typeof config).themeVariables.edgeLabelBackground));
    // The deck's soft corners, as attributes (CSS `rx` is SVG 2's, which HTML checkers do not know yet).
    for (const [selector, r] of [['g.node rect.label-container', '8'], ['g.cluster > rect', '12']] as const) {
      root.querySelectorAll(selector).forEach((rect) => {
        rect.setAttribute('rx', r);
        rect.setAttribute('ry', r);
      });
    }
    const style = root.querySelector('style');
    const generic: string[] = [];
    const own: string[] = [];
    for (const rule of style?.sheet ? [...style.sheet.cssRules] : []) {
      const scoped = replaceId(rule.cssText, id, SCOPE);
      if (!scoped.includes(id)) generic.push(scoped);
      else {
        const selector = (rule as CSSStyleRule).selectorText;
        let matches = true;
        try {
          matches = !selector || selector.includes(':') || host.querySelector(selector) !== null;
        } catch {
          matches = true;
        }
        if (matches) own.push(rule.cssText);
      }
    }
    style?.remove();
    if (own.length) {
      const kept = document.createElementNS(SVG_NS, 'style');
      kept.textContent = own.join('');
      root.prepend(kept);
    }
    let sheet: { className: string; css: string } | null = null;
    if (generic.length) {
      const text = generic.join('');
      const className = `deck-mermaid-${hash(text)}`;
      root.classList.add(className);
      sheet = { className, css: text.split(SCOPE).join(`svg.${className}`) };
    }
    const used = new Set<string>();
    const refs = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value)).concat(own);
    for (const value of refs) {
      for (let i = value.indexOf('url(#'); i >= 0; i = value.indexOf('url(#', i + 1)) {
        used.add(value.slice(i + 5, value.indexOf(')', i)).split('"').join('').split("'").join('').trim());
      }
    }
    root.querySelectorAll('marker').forEach((m) => {
      if (!used.has(m.id)) m.remove();
    });
    root.querySelectorAll('[data-points]').forEach((el) => el.removeAttribute('data-points'));
    root.querySelectorAll('span').forEach((span) => {
      const paragraphs = [...span.children];
      if (paragraphs.length === 0 || paragraphs.some((p) => p.localName !== 'p')) return;
      const parts = paragraphs.map((p) => [...p.childNodes]);
      span.replaceChildren();
      parts.forEach((nodes, k) => {
        if (k > 0) span.append(document.createElement('br'));
        span.append(...nodes);
      });
    });
    root.querySelectorAll('g[title]').forEach((g) => {
      const tip = document.createElementNS(SVG_NS, 'title');
      tip.textContent = g.getAttribute('title');
      g.removeAttribute('title');
      g.prepend(tip);
    });
    const drawn = { svg: root.outerHTML, sheet, width: Number.parseFloat(root.getAttribute('width') ?? '') || 0, brokenLabels };
    host.remove();
    return drawn;
  };

  const out = [];
  for (const item of items) {
    try {
      mermaid.initialize({ ...config, securityLevel: 'loose' });
      const { db } = await mermaid.mermaidAPI.getDiagramFromText(item.source);
      const flow = typeof db.getVertices === 'function' && typeof db.getSubGraphs === 'function' ? (db as unknown as FlowDb) : null;
      let graph: (DiagramGraph & PageFindings) | null = null;
      if (flow) {
        const vertices = [...flow.getVertices().values()];
        const subgraphs = flow.getSubGraphs();
        const depth = (id: string): number => {
          const up = subgraphs.find((g) => g.id !== id && g.nodes.includes(id));
          return up ? 1 + depth(up.id) : 0;
        };
        const labels = [...vertices.map((v) => v.text ?? ''), ...flow.getEdges().map((e) => e.text ?? ''), ...subgraphs.map((g) => g.title)];
        graph = {
          nodes: vertices.map((v) => ({ id: v.id, label: spoken(v.text ?? v.id), link: v.link ?? null })),
          groups: subgraphs.map((g, i) => ({ g, i, d: depth(g.id) })).sort((a, b) => a.d - b.d || a.i - b.i).map(({ g }) => ({ id: g.id, title: spoken(g.title), members: [...g.nodes] })),
          edges: flow.getEdges().filter((e) => e.stroke !== 'invisible').map((e) => ({ from: e.start, to: e.end, label: spoken(e.text), directed: e.type !== 'arrow_open' })),
          callbacks: vertices.filter((v) => v.haveCallback).map((v) => v.id),
          labelTags: [...new Set(labels.flatMap((l) => [...parseLabel(l).body.querySelectorAll('*')].map((el) => el.localName)))],
          brokenLabels: [],
        };
      }
      const title = (db.getAccTitle as (() => string) | undefined)?.call(db) ?? '';
      const description = (db.getAccDescription as (() => string) | undefined)?.call(db) ?? '';

      const main = await draw(item.id, item.source, config, 'deck-diagram-wide');
      // A phone's drawing, for a flowchart too wide for a phone's column (see PHONE_DIAGRAM).
      let narrow: Drawn | null = null;
      if (flow && main.width > phone.maxWidth) {
        const compact = { ...config, flowchart: { ...config.flowchart, ...phone.compact } };
        const downward = topToBottom(item.source);
        for (const [source, cfg] of [[downward, config], [downward, compact], [item.source, compact]] as const) {
          if (source === null) continue;
          const candidate = await draw(`${item.id}-narrow`, source, cfg, 'deck-diagram-narrow');
          if (!narrow || candidate.width < narrow.width) narrow = candidate;
          if (candidate.width <= phone.maxWidth) break;
        }
        if (narrow && narrow.width >= main.width) narrow = null;
      }
      if (graph) graph.brokenLabels = main.brokenLabels;
      out.push({ kind: 'svg' as const, svg: main.svg, sheet: main.sheet, width: main.width, narrow: narrow && { svg: narrow.svg, sheet: narrow.sheet, width: narrow.width }, graph, title, description });
    } catch (e) {
      out.push({ kind: 'error' as const, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

function errorLine(message: string): number | null {
  const m = /on line (\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}

function firstLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  // Mermaid's parse errors read "Parse error on line 3:", a source excerpt, then "Expecting …".
  const expecting = lines.find((l) => l.startsWith('Expecting') || l.startsWith('Lexical error'));
  return [lines[0], expecting].filter(Boolean).join(' ').replace(/\s+/g, ' ').slice(0, 300);
}
