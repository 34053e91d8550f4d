import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The built pages' `connect-src`: their own origin only. */
export const CONNECT_SRC = "connect-src 'self'";

/**
 * The pages' Content-Security-Policy: nothing from another host, no inline script but the
 * page's own (allowed by their hashes), no plugin, no form posted anywhere. Styles may be inline
 * (KaTeX writes `style=` attributes, each drawn diagram keeps a small `<style>`). `connect-src`
 * is the page's own origin (CONNECT_SRC); the live server widens it for the pages it serves to
 * name its WebSocket channel too (src/live/live-policy.ts), a static host's pages stay as built.
 */
export function contentPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    CONNECT_SRC,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Script types that run (a JSON data block does not, and needs no hash). */
function runs(element: Element): boolean {
  const type = element.attrs.find((a) => a.name === 'type')?.value.trim().toLowerCase() ?? '';
  return ['', 'module', 'text/javascript', 'application/javascript'].includes(type);
}

/**
 * The page with its policy: a `<meta http-equiv="Content-Security-Policy">` right after its
 * `<meta charset>` (before anything the policy governs), allowing each inline script of the page
 * by its sha256. Found with parse5 and spliced in at the parser's source offset: every other byte
 * stays as it was.
 */
export function withContentPolicy(html: string): string {
  const hashes: string[] = [];
  let charsetEnd = -1;
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const el = node as Element;
      if (el.tagName === 'meta' && el.attrs.some((a) => a.name === 'charset') && el.sourceCodeLocation) charsetEnd = el.sourceCodeLocation.endOffset;
      if (el.tagName === 'script' && runs(el) && !el.attrs.some((a) => a.name === 'src')) {
        const text = el.childNodes.map((c) => ('value' in c ? String(c.value) : '')).join('');
        hashes.push(`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  if (charsetEnd < 0) throw new Error('[deck] a page without <meta charset> cannot carry its content policy');
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${contentPolicy([...new Set(hashes)])}" />`;
  return html.slice(0, charsetEnd) + meta + html.slice(charsetEnd);
}
