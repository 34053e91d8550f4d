import { parse, parseFragment, serialize, Tokenizer, type DefaultTreeAdapterTypes, type Token } from 'parse5';

/**
 * The compiler's one HTML parser (parse5, the HTML standard's parsing algorithm): whatever must
 * be read or changed in markup after it is written goes through here, never through a regular
 * expression.
 */

export type HtmlNode = DefaultTreeAdapterTypes.ChildNode;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlFragment = DefaultTreeAdapterTypes.DocumentFragment;
export type HtmlDocument = DefaultTreeAdapterTypes.Document;

/** Parses markup as the content of a `<body>` (a fragment), keeping where each element is in the source. */
export function parseHtml(html: string): HtmlFragment {
  return parseFragment(html, { sourceCodeLocationInfo: true });
}

/** Parses a whole document (doctype, `<html>`, `<head>`, `<body>`). */
export function parseHtmlDocument(html: string): HtmlDocument {
  return parse(html);
}

/** A fragment or document back as markup. */
export function serializeHtml(node: HtmlFragment | HtmlDocument): string {
  return serialize(node);
}

/** True for an element node. */
export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

/** Visits every node under `root` in document order, with its ancestors; `visit` may return false to skip a node's children. */
export function walkHtml(root: { childNodes: HtmlNode[] }, visit: (node: HtmlNode, ancestors: readonly HtmlElement[]) => boolean | void): void {
  const ancestors: HtmlElement[] = [];
  const walk = (nodes: HtmlNode[]): void => {
    for (const node of nodes) {
      if (visit(node, ancestors) === false || !isElement(node)) continue;
      ancestors.push(node);
      // A template's content is a fragment of its own.
      walk(node.tagName === 'template' ? (node as unknown as { content: HtmlFragment }).content.childNodes : node.childNodes);
      ancestors.pop();
    }
  };
  walk(root.childNodes);
}

/** An attribute's value, or null. */
export function attribute(el: HtmlElement, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

/** Sets (or adds) an attribute. */
export function setAttribute(el: HtmlElement, name: string, value: string): void {
  const attr = el.attrs.find((a) => a.name === name);
  if (attr) attr.value = value;
  else el.attrs.push({ name, value });
}

/** One piece of raw markup, as the HTML tokenizer reads it. */
export type HtmlPiece =
  | { kind: 'start'; name: string; attrs: { name: string; value: string }[]; selfClosing: boolean }
  | { kind: 'end'; name: string }
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string };

/**
 * Raw markup read by the HTML tokenizer (entities decoded), without building a tree: what a
 * Markdown HTML token holds may be half an element (`<span lang="en">` now, `</span>` later).
 */
export function htmlPieces(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  const text = (token: Token.CharacterToken): void => {
    const last = pieces.at(-1);
    if (last?.kind === 'text') last.text += token.chars;
    else pieces.push({ kind: 'text', text: token.chars });
  };
  const tokenizer = new Tokenizer({}, {
    onStartTag: (t) => pieces.push({ kind: 'start', name: t.tagName, attrs: t.attrs.map((a) => ({ name: a.name, value: a.value })), selfClosing: t.selfClosing }),
    onEndTag: (t) => pieces.push({ kind: 'end', name: t.tagName }),
    onComment: (t) => pieces.push({ kind: 'comment', text: t.data }),
    onCharacter: text,
    onWhitespaceCharacter: text,
    onNullCharacter: () => undefined,
    onDoctype: () => undefined,
    onEof: () => undefined,
  });
  tokenizer.write(html, true);
  return pieces;
}

/** The text of a fragment of markup (entities decoded, tags and comments left out), spaces collapsed. */
export function htmlText(html: string): string {
  let text = '';
  walkHtml(parseHtml(html), (node) => {
    if (node.nodeName === '#text') text += (node as DefaultTreeAdapterTypes.TextNode).value;
  });
  return text.replace(/\s+/g, ' ').trim();
}
