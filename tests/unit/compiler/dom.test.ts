import { describe, expect, it } from 'vitest';
import { htmlPieces } from '../../../src/compiler/html/dom.ts';

describe('raw markup, read by the HTML tokenizer', () => {
  it('reads half an element as Markdown holds it: a start tag now, its end tag later', () => {
    expect(htmlPieces('<span lang="en" class=\'a b\'>')).toEqual([{ kind: 'start', name: 'span', attrs: [{ name: 'lang', value: 'en' }, { name: 'class', value: 'a b' }], selfClosing: false }]);
    expect(htmlPieces('</span>')).toEqual([{ kind: 'end', name: 'span' }]);
  });

  it('decodes entities, keeps comments apart, and knows a self-closing tag', () => {
    expect(htmlPieces('<!--注-->a&amp;b&#x4E2D;<br/>')).toEqual([
      { kind: 'comment', text: '注' },
      { kind: 'text', text: 'a&b中' },
      { kind: 'start', name: 'br', attrs: [], selfClosing: true },
    ]);
  });
});
