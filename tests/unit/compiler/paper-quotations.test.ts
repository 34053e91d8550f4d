import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/compiler/errors.ts';
import { deckContext, PAPER, render } from '../helpers.ts';

/** A snippet compiled in a deck that has the paper (¶1–¶45): the errors, `file:line problem`. */
function withPaper(markdown: string): { errors: string[] } {
  const { errors } = render(markdown, 10, deckContext([], { paper: true }));
  return { errors };
}

/** The first slide of a snippet is its section's opener: the slide under test comes after it. */
const OPENER = '# 开篇\n\n引导问题\n\n---\n\n';

describe('quotations know their paragraph', () => {
  // ¶14 opens 「二者的目标指向都是不断推动中国式现代化的实现。」; ¶12 and ¶19 both quote 「人民群众物质生活和精神生活都富裕」.
  const slide = (source: string, text: string) => `${OPENER}## 一 {#a}\n\n<!-- .slide: source=${source} -->\n\n${text}\n`;

  it('passes a quotation from a paragraph the slide names, on the slide or in its notes', () => {
    expect(withPaper(slide('14', '- “二者的目标指向都是不断推动中国式现代化的实现”\n\nNote:\n作者说“实现中国式现代化是一项系统工程”。')).errors).toEqual([]);
  });

  it('reports a quotation of ten characters or more from a paragraph the slide does not name, at its line', () => {
    expect(withPaper(slide('12-13', '引言：\n“二者的目标指向都是不断推动中国式现代化的实现”')).errors).toEqual([
      'slides/test.md:22 quotation from ¶14 but the slide\'s source is ¶12–13: “二者的目标指向都是不断推动中…”',
    ]);
    const deck = deckContext([], { paper: true });
    render(slide('3,5', '正文\n\nNote:\n“二者的目标指向都是不断推动中国式现代化的实现”'), 0, deck);
    expect(deck.sink.errors.map(formatContentError)).toEqual([
      '[deck] slides/test.md:14 quotation from ¶14 but the slide\'s source is ¶3, ¶5: “二者的目标指向都是不断推动中…”. Name ¶14 in the slide\'s `source=` if the slide teaches it, or quote the paragraphs the slide names.',
    ]);
  });

  it('lets a quotation found in several paragraphs pass if any of them is named', () => {
    const quote = '“人民群众物质生活和精神生活都富裕”';
    expect(PAPER.paragraphs.filter((p) => p.text.includes('人民群众物质生活和精神生活都富裕')).map((p) => p.n)).toEqual([12, 19]);
    expect(withPaper(slide('19', quote)).errors).toEqual([]);
    expect(withPaper(slide('20', quote)).errors).toEqual(['slides/test.md:21 quotation from ¶12 or ¶19 but the slide\'s source is ¶20: “人民群众物质生活和精神生活都富裕”']);
  });

  it('does not hold a short quotation, a slide without source, or words only the abstract has, to the source', () => {
    // 「蛋糕」 is in many paragraphs, 「代表着先进生产力发展的新方向」 only in the abstract.
    expect(withPaper(slide('45', '“蛋糕”，“代表着先进生产力发展的新方向”')).errors).toEqual([]);
    expect(withPaper('# 开篇\n\n“二者的目标指向都是不断推动中国式现代化的实现”\n').errors).toEqual([]);
  });

  it('finds the parts around an elision …… in one paragraph', () => {
    expect(withPaper(slide('8', '> “随着大工业的发展，现实财富的创造……取决于科学的一般水平和技术进步。”[@6, P782-783]')).errors).toEqual([]);
    expect(withPaper(slide('9', '> “随着大工业的发展，现实财富的创造……取决于科学的一般水平和技术进步。”')).errors).toEqual([
      'slides/test.md:21 quotation from ¶8 but the slide\'s source is ¶9: “随着大工业的发展，现实财富的…”',
    ]);
  });

  it('keeps the verbatim check: a quotation that is not the paper\'s words, or a part of it that is not, is an error at its line', () => {
    expect(withPaper(slide('12', '正文\n\n- “共同富裕就是平均分配”')).errors).toEqual(['slides/test.md:23 quotation “共同富裕就是平均分配” is not in the paper']);
    expect(withPaper(slide('8', '“随着大工业的发展……取决于科学的一般水平”')).errors).toEqual([]);
    expect(withPaper(slide('8', '“随着大工业的发展……取决于技术的一般水平”')).errors).toEqual(['slides/test.md:21 quotation “随着大工业的发展……取决于技…” is not in the paper (its words “取决于技术的一般水平” are not)']);
  });

  it('reads quotations wherever the slide shows text: tables, questions, diagrams, raw HTML, notes and cues', () => {
    const wrong = '“平均分配”';
    const places = [
      `| a |\n|---|\n| ${wrong} |`,
      `::: quiz single\n问题${wrong}？\n\n- [x] 是\n- [ ] 否\n\n解析，参见 [一](#/a)。\n:::`,
      `\`\`\`mermaid\nflowchart LR\n  accTitle: 图\n  accDescr: 图\n  A["${wrong}"] --> B\n\`\`\``,
      `<div lang="en">\n\n${wrong}\n\n</div>`,
      `正文\n\nCue:\n${wrong}`,
    ];
    for (const text of places) expect(withPaper(slide('12', text)).errors, text).toEqual([expect.stringContaining('quotation “平均分配” is not in the paper')]);
  });

  it('half-width punctuation and spaces in the source do not matter; a citation inside the marks does', () => {
    // The paper's source has 「8 500 万」 and half-width commas in its second half.
    expect(withPaper(slide('23', '“全球将有8500万个工作岗位的劳动者可能会因人机之间劳动分工的转变而被取代”')).errors).toEqual([]);
    expect(withPaper(slide('23', '“全球将有8500万个工作岗位[@3]的劳动者”')).errors).toEqual([expect.stringContaining('is not in the paper')]);
  });

  it('is not checked in a deck without the paper', () => {
    expect(render(`${OPENER}## 一 {#a}\n\n“平均分配”\n`).errors).toEqual([]);
  });
});
