import { createHash } from 'node:crypto';

/** The diagrams' shared stylesheet, and the slides with each SVG's own copy taken out. */
export interface SharedDiagramStyles {
  html: string;
  /** One rule set per distinct Mermaid stylesheet, scoped by class (`svg.deck-mermaid-<hash>`); '' if none. */
  css: string;
}

// A drawn diagram: Mermaid's <svg id="…"> with its own <style> block first.
const SVG = /<svg\s[^>]*\bid="([^"]+)"[^>]*>[\s\S]*?<\/svg>/g;
const STYLE = /<style>([\s\S]*?)<\/style>/;

/**
 * Mermaid gives every SVG its own ~6 KB `<style>`, scoped by the SVG's id: the same rules again
 * for each diagram. This takes them out, scopes each distinct set by a class instead
 * (`#diagram-x .node` → `svg.deck-mermaid-1a2b3c4d .node`; nothing of the theme targets what
 * these rules style), and returns each set once, for the page's `<head>`. It also leaves out
 * what a drawn diagram never uses: arrowheads no edge points to, Mermaid's edge data.
 */
export function shareDiagramStyles(html: string): SharedDiagramStyles {
  const sheets = new Map<string, string>();
  const out = html.replace(SVG, (svg, id: string) => {
    const style = STYLE.exec(svg);
    if (!style) return svg;
    const scope = new RegExp(`#${escapeRegExp(id)}(?![\\w-])`, 'g');
    // Rules that name the diagram's own elements (`url(#<id>-gradient)`) stay with it.
    const own: string[] = [];
    const generic: string[] = [];
    const drawing = svg.slice(0, style.index) + svg.slice(style.index + style[0].length);
    for (const rule of topLevelRules(style[1]!)) {
      const scoped = rule.replace(scope, PLACEHOLDER);
      if (!scoped.includes(id)) generic.push(scoped);
      else if (canMatch(scoped, drawing)) own.push(scoped);
    }
    const text = generic.join('');
    const cls = `deck-mermaid-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
    if (text && !sheets.has(cls)) sheets.set(cls, text.replaceAll(PLACEHOLDER, `svg.${cls}`));
    const ownStyle = own.length ? `<style>${own.join('').replaceAll(PLACEHOLDER, `#${id}`)}</style>` : '';
    const rest = svg.slice(0, style.index) + ownStyle + svg.slice(style.index + style[0].length);
    return withoutDataPoints(pruneMarkers(text ? addClass(rest, cls) : rest));
  });
  return { html: out, css: [...sheets.values()].join('\n') };
}

/**
 * False for a rule all of whose selectors need an attribute value (`[data-look=neo]`, Mermaid's
 * other look) that no element of the SVG has.
 */
function canMatch(rule: string, svg: string): boolean {
  const selectors = rule.slice(0, rule.indexOf('{')).split(',');
  return selectors.some((sel) =>
    [...sel.matchAll(/\[([\w-]+)=["']?([^\]"']*)["']?\]/g)].every(([, name, value]) => svg.includes(`${name}="${value}"`)),
  );
}

/** Stands for the diagram's own scope while its rules are compared with other diagrams'. */
const PLACEHOLDER = '.__deck_mermaid__';

/** A stylesheet's top-level rules (`a{…}`, `@keyframes x{…{…}}`), each whole. */
function topLevelRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  const rest = css.slice(start).trim();
  return rest ? [...rules, rest] : rules;
}

/**
 * Mermaid keeps each edge's points as base64 JSON (`data-points`) for its own scripts, which
 * the deck does not run: a static drawing needs only the path.
 */
function withoutDataPoints(svg: string): string {
  return svg.replace(/\sdata-points="[^"]*"/g, '');
}

/** Adds a class to the SVG's root element. */
function addClass(svg: string, cls: string): string {
  const open = /^<svg\s[^>]*>/.exec(svg)![0];
  const withClass = /\sclass="/.test(open) ? open.replace(/\sclass="/, ` class="${cls} `) : open.replace(/^<svg/, `<svg class="${cls}"`);
  return withClass + svg.slice(open.length);
}

/**
 * Mermaid defines every arrowhead a flowchart could use (ten `<marker>`s per SVG); the edges use
 * one or two. Markers that nothing refers to (`url(#…)`) are left out.
 */
function pruneMarkers(svg: string): string {
  const used = new Set([...svg.matchAll(/url\(\s*['"]?#([^)'"\s]+)/g)].map((m) => m[1]!));
  return svg.replace(/<marker\s[^>]*\bid="([^"]+)"[^>]*>[\s\S]*?<\/marker>/g, (marker, markerId: string) => (used.has(markerId) ? marker : ''));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
