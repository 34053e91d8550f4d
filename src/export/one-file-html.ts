import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Code points an HTML document may not carry (the Nu checker's "Forbidden code point"): the
 * noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) and the controls other than whitespace.
 * With the backslashes before them, which may escape them.
 */
const FORBIDDEN = /(\\*)(\p{Noncharacter_Code_Point}|[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F])/gu;

/** Attributes the inliner leaves on `<style>` from the `<link rel="stylesheet" crossorigin>` it replaced; none is a `<style>` attribute. */
const LINK_ONLY_ATTRIBUTES = new Set(['rel', 'crossorigin', 'href']);

/**
 * Makes the one-file deck valid HTML (the Nu checker passes it like the built pages): the
 * document is parsed with parse5 and only what is wrong is rewritten in place, by the parser's
 * source offsets, every other byte left as Vite wrote it:
 *
 * - `<style rel="stylesheet" crossorigin>`, the inliner's replacement of a stylesheet link,
 *   loses the link's attributes;
 * - a forbidden code point inside a script (a minified library writes U+FFFF into a regular
 *   expression's source as the character itself) becomes its JavaScript escape, `\uffff`, which
 *   means the same in a string, a template and a regular expression; inside a style, its CSS
 *   escape.
 */
export function cleanOneFileHtml(html: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const element = node as Element;
      if (element.tagName === 'style') removeAttributes(element, LINK_ONLY_ATTRIBUTES, html, edits);
      const escape = element.tagName === 'script' && isScript(element) ? escapeForScript : element.tagName === 'style' ? escapeForStyle : null;
      if (escape) {
        for (const child of element.childNodes) {
          if (child.nodeName !== '#text' || !child.sourceCodeLocation) continue;
          const { startOffset, endOffset } = child.sourceCodeLocation;
          const source = html.slice(startOffset, endOffset);
          const escaped = escape(source);
          if (escaped !== source) edits.push({ start: startOffset, end: endOffset, text: escaped });
        }
      }
      if (element.tagName === 'template') visit((element as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  let out = html;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Script types whose text is JavaScript or JSON (both read `\uXXXX` escapes). */
function isScript(element: Element): boolean {
  const type = element.attrs.find((a) => a.name === 'type')?.value.trim().toLowerCase() ?? '';
  return ['', 'module', 'text/javascript', 'application/javascript', 'application/json', 'importmap'].includes(type) || type.endsWith('+json');
}

/** `\uffff` (a pair of surrogate escapes above U+FFFF); a backslash that escaped the character goes with it. */
export function escapeForScript(text: string): string {
  return text.replace(FORBIDDEN, (_m, slashes: string, ch: string) => {
    const units = Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
    return (slashes.length % 2 ? slashes.slice(1) : slashes) + units;
  });
}

/** `\ffff ` (CSS: hex digits, then a space that ends the escape). */
export function escapeForStyle(text: string): string {
  return text.replace(FORBIDDEN, (_m, slashes: string, ch: string) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\${ch.codePointAt(0)!.toString(16)} `);
}

function removeAttributes(element: Element, names: ReadonlySet<string>, html: string, edits: { start: number; end: number; text: string }[]): void {
  const locations = element.sourceCodeLocation?.attrs;
  if (!locations) return;
  for (const attr of element.attrs) {
    const at = locations[attr.name];
    if (!names.has(attr.name) || !at) continue;
    // The attribute and the whitespace before it.
    let start = at.startOffset;
    while (start > 0 && /\s/.test(html[start - 1]!)) start--;
    edits.push({ start, end: at.endOffset, text: '' });
  }
}
