import { describe, expect, it } from 'vitest';
import { cssString, pageRulesCss, sectionPageName } from '../../../src/deck/pages/page-rules.ts';

describe('the printed pages’ margin boxes', () => {
  it('quotes any text as a CSS string', () => {
    expect(cssString('一、内在逻辑')).toBe('"一、内在逻辑"');
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });

  it('names a section’s pages after its id', () => {
    expect(sectionPageName('logic')).toBe('deck-sec-logic');
  });

  it('numbers every page in the deck font, heads named pages with their title, and leaves the cover bare', () => {
    const css = pageRulesCss({
      fontFamily: '"Deck Sans SC", sans-serif',
      runningHeads: [{ page: 'deck-sec-logic', title: '一、内在逻辑' }],
      blankPages: ['deck-cover'],
    });
    expect(css).toContain('@page { @bottom-center { content: "第" counter(page) "页 / 共" counter(pages) "页"; font-family: "Deck Sans SC", sans-serif;');
    expect(css).toContain('@page deck-sec-logic { @top-left { content: "一、内在逻辑"; font-family: "Deck Sans SC", sans-serif;');
    expect(css).toContain('@page deck-cover { @top-left { content: none; } @bottom-center { content: none; } }');
  });
});
