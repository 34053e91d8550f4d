import { posix } from 'node:path';
import postcss from 'postcss';
import { parse } from 'parse5';
import { attribute, isElement, walkHtml, type HtmlElement } from './dom.ts';

/** A `url(…)` in a declaration's value, quoted or not. */
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/** True for a URL that does not depend on where the stylesheet is (data:, a scheme, a root path, a fragment). */
function standsAlone(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url);
}

/**
 * A stylesheet's text made to work from another place: each relative `url(…)` (the stylesheet's
 * fonts and images) rewritten from `fromDir` (the stylesheet's folder) to `toDir` (the page's).
 */
export function rebasedCss(css: string, fromDir: string, toDir: string): string {
  const root = postcss.parse(css);
  const rebase = (value: string): string =>
    value.replace(CSS_URL, (whole, quote: string, url: string) => {
      if (standsAlone(url)) return whole;
      const moved = posix.relative(toDir, posix.join(fromDir, url)) || '.';
      return `url(${quote}${moved.startsWith('.') ? moved : `./${moved}`}${quote})`;
    });
  root.walkDecls((decl) => {
    decl.value = rebase(decl.value);
  });
  return root.toString();
}

/**
 * The page with each of its `<link rel="stylesheet">` to one of the build's own stylesheets
 * replaced by a `<style>` holding it: on a slow network the page paints one round trip sooner,
 * its first screen's rules arriving with it instead of after it. `read` gives a stylesheet's text
 * by its path in the build (relative to the page's folder, `pageDir`), or null for one that is
 * not the build's (left linked). Spliced at the parser's source offsets: every other byte stays.
 */
export function withInlineStylesheets(html: string, pageDir: string, read: (path: string) => string | null): { html: string; inlined: string[] } {
  const links: HtmlElement[] = [];
  walkHtml(parse(html, { sourceCodeLocationInfo: true }), (node) => {
    if (isElement(node) && node.tagName === 'link' && attribute(node, 'rel')?.trim().toLowerCase() === 'stylesheet' && node.sourceCodeLocation) links.push(node);
  });

  const inlined: string[] = [];
  let out = html;
  // From the last link back, so the earlier offsets stay true.
  for (const link of links.reverse()) {
    const href = attribute(link, 'href') ?? '';
    if (standsAlone(href)) continue;
    const path = posix.join(pageDir, href.split(/[?#]/)[0]!);
    const css = read(path);
    if (css === null) continue;
    const { startOffset, endOffset } = link.sourceCodeLocation!;
    // postcss writes a `</style` in a string escaped (`\3c /style`): it cannot end the element early.
    out = `${out.slice(0, startOffset)}<style>${rebasedCss(css, posix.dirname(path), pageDir)}</style>${out.slice(endOffset)}`;
    inlined.push(path);
  }
  return { html: out, inlined };
}
