import { attribute, isElement, parseHtmlDocument, serializeHtml, walkHtml, type HtmlElement } from '../../src/compiler/html/dom.ts';

/**
 * The static-page limit: the built deck's own page (which holds only its first slide) with the
 * same `<head>` (stylesheet, inline styles, @font-face rules and font preloads) and no script
 * at all. Nothing can show the first slide sooner than this page on the same machine, with the
 * same CSS and fonts; the deck is measured against it in the same run.
 */
export function limitPage(indexHtml: string): string {
  const page = parseHtmlDocument(indexHtml);
  const drop: HtmlElement[] = [];
  walkHtml(page, (node) => {
    if (!isElement(node)) return;
    if (node.tagName === 'script' || (node.tagName === 'link' && attribute(node, 'rel') === 'modulepreload')) drop.push(node);
  });
  for (const el of drop) el.parentNode?.childNodes.splice(el.parentNode.childNodes.indexOf(el), 1);
  return serializeHtml(page);
}

/** Elements of a page that match `test`, in document order. */
export function elementsOf(html: string, test: (el: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  walkHtml(parseHtmlDocument(html), (node) => {
    if (isElement(node) && test(node)) found.push(node);
  });
  return found;
}
