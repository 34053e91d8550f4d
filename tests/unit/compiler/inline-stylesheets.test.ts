import { describe, expect, it } from 'vitest';
import { isElement, parseHtmlDocument, walkHtml } from '../../../src/compiler/html/dom.ts';
import { rebasedCss, withInlineStylesheets } from '../../../src/compiler/html/inline-stylesheets.ts';

const page = (head: string): string => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><p>正文</p></body></html>`;

describe('a page carries its own stylesheet', () => {
  it('puts the build’s stylesheet where its link was, every other byte as it was', () => {
    const css = { 'assets/index-1.css': 'p{color:red}' } as Record<string, string>;
    const { html, inlined } = withInlineStylesheets(page('<style id="a">b{}</style><link rel="stylesheet" crossorigin href="./assets/index-1.css"><script src="x.js"></script>'), '.', (p) => css[p] ?? null);
    expect(html).toBe(page('<style id="a">b{}</style><style>p{color:red}</style><script src="x.js"></script>'));
    expect(inlined).toEqual(['assets/index-1.css']);
  });

  it('leaves linked a stylesheet that is not the build’s, and one on another host', () => {
    const before = page('<link rel="stylesheet" href="./other.css"><link rel="stylesheet" href="https://example.com/a.css">');
    expect(withInlineStylesheets(before, '.', () => null)).toEqual({ html: before, inlined: [] });
  });

  it('rewrites the stylesheet’s relative URLs from its folder to the page’s, and no other', () => {
    const css = 'a{background:url(./bg.png)}@font-face{src:url("K.woff2") format("woff2")}b{background:url(data:image/gif;base64,R0l=)}i{background:url(/root.png)}u{background:url(#m)}';
    expect(rebasedCss(css, 'assets', '.')).toBe(
      'a{background:url(./assets/bg.png)}@font-face{src:url("./assets/K.woff2") format("woff2")}b{background:url(data:image/gif;base64,R0l=)}i{background:url(/root.png)}u{background:url(#m)}',
    );
    expect(rebasedCss('a{background:url(../img/x.png)}', 'assets/css', '.')).toBe('a{background:url(./assets/img/x.png)}');
  });

  it('cannot end its <style> early: a "</style>" in the stylesheet stays text', () => {
    const read = (): string => 'p::after{content:"</style><script>alert(1)</script>"}';
    const { html } = withInlineStylesheets(page('<link rel="stylesheet" href="./assets/a.css">'), '.', read);
    const doc = parseHtmlDocument(html);
    const tags: string[] = [];
    walkHtml(doc, (node) => void (isElement(node) && tags.push(node.tagName)));
    expect(tags).not.toContain('script');
    expect(tags.filter((t) => t === 'style')).toHaveLength(1);
  });
});
