import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, isUnfinished, joinNumberSpaces, joinPageBreak } from '../../../src/compiler/paper/clean-text.ts';
import { ErrorSink, formatContentError } from '../../../src/compiler/errors.ts';
import { tokenizeInline } from '../../../src/compiler/paper/inline.ts';
import { PAPER_FILE, readPaper, type PaperDocument } from '../../../src/compiler/paper/read-paper.ts';

const SOURCE = readFileSync(join(import.meta.dirname, '../../..', PAPER_FILE), 'utf8');

function read(source: string): { doc: PaperDocument; errors: string[] } {
  const sink = new ErrorSink();
  const doc = readPaper(source, PAPER_FILE, sink);
  return { doc, errors: sink.errors.map(formatContentError) };
}

const paper = read(SOURCE).doc;
const paragraph = (n: number): string => paper.paragraphs[n - 1]!.text;

/** A small paper in the source's shape, for the bad-input cases (each replaces a part of it). */
const MINI = `# 标题

作者甲 作者乙

[摘 要] 摘要的文字。

[关键词] 甲 乙

[中图分类号] D616 [文献标识码] A

[作者简介] 作者甲，某大学。

引言的段落。<sup>[1]</sup>

## 一、第一节

第一节的段落。

### 二、第二节

第二节的段落。<sup>[2](P9)</sup>

综上所述，结论的段落。

## 参考文献

[1] 文献一 [M]. 北京: 出版社, 2020.

[2] 文献二 [M]. 北京: 出版社, 2021.

## English Title

Author A Author B

**Abstract:** The text.

**Key words:** a, b

[责任编辑: 某某]
`;

describe('page-break splits', () => {
  it('joins a paragraph a page break split mid-word: 「促进共」 + blank lines + 「同富裕…」', () => {
    expect(paragraph(19)).toContain('习近平指出：“促进共同富裕与促进人的全面发展是高度统一的。”');
    expect(paper.paragraphs[18]!.lines).toEqual([63, 67]);
  });

  it('joins the introduction’s last paragraph around the funding note the PDF put in it, and moves the note to the front matter', () => {
    expect(paragraph(1)).toContain('并提出相应的推进路径，对实现全体人民共同富裕的中国式现代化具有重要的时代价值和现实意义。');
    expect(paper.paragraphs[0]!.lines).toEqual([15, 19]);
    expect(paper.front.funding?.line).toBe(17);
  });

  it('joins every split: after a comma, an enumeration mark or mid-sentence', () => {
    expect(paragraph(7)).toContain('又强调公正合理生产关系的完整体系。');
    expect(paragraph(13)).toContain('推动国家经济迈向更高质量的发展阶段。');
    expect(paragraph(24)).toContain('主动提高学习能力、提升相关技能，');
    expect(paragraph(31)).toContain('接纳意愿。要开展全方位的科技技能培训');
    expect(paragraph(39)).toContain('科技进展，勤学苦练、深入钻研');
  });

  it('joins a reference entry a page break split, and nothing else of the list', () => {
    expect(paper.references?.entries[0]?.text).toBe('习近平主持召开新时代推动东北全面振兴座谈会强调:牢牢把握东北的重要使命 奋力谱写东北全面振兴新篇章 [N]. 人民日报, 2023-09-10 (1).');
  });

  it('tells a finished paragraph from a split one', () => {
    expect([isUnfinished('……的现实意义。'), isUnfinished('……“加快形成新质生产力”。￼'), isUnfinished('……都富裕”'), isUnfinished('“促进共'), isUnfinished('科技进展,')]).toEqual([false, false, false, true, true]);
    expect(joinPageBreak('促进共', '同富裕')).toBe('促进共同富裕');
    expect(joinPageBreak('New Quality', 'Productivity')).toBe('New Quality Productivity');
  });
});

describe('half-width punctuation in Chinese text', () => {
  it('becomes full-width: , ; : ( ) ? !', () => {
    expect(fullWidthPunctuation('另一方面,实现共同富裕')).toBe('另一方面，实现共同富裕');
    expect(fullWidthPunctuation('习近平指出:“促进共同富裕')).toBe('习近平指出：“促进共同富裕');
    expect(fullWidthPunctuation('积极的创新态度;要努力')).toBe('积极的创新态度；要努力');
    expect(fullWidthPunctuation('研究”(2023LJRC01)阶段性成果')).toBe('研究”（2023LJRC01）阶段性成果');
    expect(fullWidthPunctuation('是什么?是这样!')).toBe('是什么？是这样！');
  });

  it('takes the spaces written around the half-width mark away with it, and keeps the number spacing', () => {
    expect(fullWidthPunctuation('预计到 2025 年, 全球')).toBe('预计到 2025 年，全球');
    expect(fullWidthPunctuation('如5G,千兆宽带')).toBe('如5G，千兆宽带');
  });

  it('stays half-width inside numbers and in Latin text', () => {
    expect(fullWidthPunctuation('共 1,000 人，于 09:30 开会，2023-09-10')).toBe('共 1,000 人，于 09:30 开会，2023-09-10');
    expect(fullWidthPunctuation('Common prosperity (CP): a goal, or a path?')).toBe('Common prosperity (CP): a goal, or a path?');
  });

  it('is fixed in the paper’s body, but not in the reference entries nor the English block', () => {
    expect(paragraph(13)).toContain('另一方面，实现共同富裕是社会主义的根本目标。');
    expect(paragraph(38)).toContain('积极的创新态度；要努力推动');
    expect(paper.references?.entries[4]?.text).toBe('马克思恩格斯选集, 第 1 卷 [M]. 北京: 人民出版社, 2012.');
    expect(paper.references?.entries[3]?.text).toContain('的演讲(2022 年 1 月 17 日) [M].');
    expect(paper.english?.keywords?.text).toContain('new quality productivity, common prosperity');
  });
});

describe('stray spaces in numbers', () => {
  it('joins a number the extraction split at its thousands: 8 500 → 8500', () => {
    expect(joinNumberSpaces('全球将有 8 500 万个工作岗位')).toBe('全球将有 8500 万个工作岗位');
    expect(joinNumberSpaces('1 000 000')).toBe('1000000');
    expect(paragraph(23)).toContain('预计到 2025 年，全球将有 8500 万个工作岗位');
  });

  it('keeps the source’s spacing between numbers and words: 2023 年 9 月', () => {
    expect(joinNumberSpaces('2023 年 9 月，在同年 12 月')).toBe('2023 年 9 月，在同年 12 月');
    expect(paragraph(1).startsWith('2023 年 9 月，习近平在黑龙江考察时指出')).toBe(true);
  });
});

describe('reference markers', () => {
  const tokens = (text: string) => {
    const sink = new ErrorSink();
    return { inlines: tokenizeInline(text, { file: PAPER_FILE, line: 3 }, sink), errors: sink.errors.map(formatContentError) };
  };

  it('reads <sup>[4](P9)</sup> as reference 4, page P9, and <sup>[1]</sup> as reference 1 with no page', () => {
    expect(tokens('分好。”<sup>[4](P9)</sup>新质<sup>[1]</sup>').inlines).toEqual([
      { kind: 'text', text: '分好。”' },
      { kind: 'ref', n: 4, page: 'P9' },
      { kind: 'text', text: '新质' },
      { kind: 'ref', n: 1, page: null },
    ]);
    expect(tokens('<sup>[6](P782-783)</sup>').inlines).toEqual([{ kind: 'ref', n: 6, page: 'P782-783' }]);
  });

  it('reports a marker it cannot read, and any other markup, at its line, keeping the text', () => {
    expect(tokens('文字<sup>[x]</sup>').errors).toEqual(['[deck] assets/paper/paper.txt:3 reference marker `<sup>[x]</sup>` is not `[n]` or `[n](Pn)`. Write the reference number in brackets, then the page if any: `<sup>[4](P9)</sup>`.']);
    const bold = tokens('文字<b>粗</b>');
    expect(bold.errors[0]).toBe('[deck] assets/paper/paper.txt:3 unknown markup `<b>` in the paper\'s text. The paper may only hold reference markers, written `<sup>[4]</sup>` or `<sup>[4](P9)</sup>`; write anything else as plain text.');
    expect(bold.inlines).toEqual([{ kind: 'text', text: '文字<b>粗</b>' }]);
    expect(tokens('文字<sup>[1]').errors).toEqual(['[deck] assets/paper/paper.txt:3 `<sup>` is not closed on its line. Close the reference marker: `<sup>[4]</sup>`.']);
  });
});

describe('bad input: `[deck] file:line problem. fix`, never a silent skip', () => {
  it('reads the small paper without a problem, its sections as siblings and its conclusion found', () => {
    const { doc, errors } = read(MINI);
    expect(errors).toEqual([]);
    expect(doc.paragraphs.map((p) => p.part)).toEqual(['intro', 'section-1', 'section-2', 'conclusion']);
    expect(doc.body.filter((b) => b.kind === 'heading').map((h) => h.level)).toEqual([2, 2]);
  });

  it('a paragraph that stops mid-sentence before a heading (text lost at a page break)', () => {
    expect(read(MINI.replace('第一节的段落。', '第一节的段落')).errors).toEqual([
      '[deck] assets/paper/paper.txt:17 the paragraph stops mid-sentence before a heading. A paragraph split by a page break goes on after the break; check that nothing of it is missing here.',
    ]);
  });

  it('a marker that names no reference', () => {
    expect(read(MINI.replace('<sup>[2](P9)</sup>', '<sup>[3](P9)</sup>')).errors).toEqual([
      '[deck] assets/paper/paper.txt:21 reference marker [3] names no entry of the reference list. The references are [1]–[2]; fix the marker\'s number.',
    ]);
  });

  it('an unknown label, a label the body may not hold, a heading that is no section, sections out of order', () => {
    expect(read(MINI.replace('[关键词]', '[关 键]')).errors[0]).toMatch(/^\[deck\] assets\/paper\/paper\.txt:7 unknown label \[关 键\]\. The paper's labelled lines are \[摘要\] \[关键词\]/);
    expect(read(MINI.replace('第一节的段落。', '第一节的段落。\n\n[摘 要] 又一个摘要。')).errors).toEqual([
      '[deck] assets/paper/paper.txt:19 [摘 要] inside the body. Only the page notes ([作者简介], [基金项目]) may stand inside the body, where the PDF printed them; move the line to the front matter.',
    ]);
    expect(read(MINI.replace('### 二、第二节', '## 第二节')).errors[0]).toBe(
      '[deck] assets/paper/paper.txt:19 heading 「第二节」 in the body is not a numbered section. The body\'s headings are its numbered sections, `## 一、…`; the references start at `## 参考文献`.',
    );
    expect(read(MINI.replace('### 二、第二节', '### 三、第二节')).errors).toEqual(['[deck] assets/paper/paper.txt:19 section 三、 follows section 1. Number the sections 一、二、三、… in order.']);
  });

  it('no conclusion, no title, references out of order, text after the end', () => {
    expect(read(MINI.replace('综上所述，', '')).errors).toEqual([
      '[deck] assets/paper/paper.txt:25 the body has no conclusion: no paragraph after the last section opens with 「综上所述」. The conclusion has no heading in the paper; it starts at the paragraph that opens 「综上所述」 (CONCLUSION_OPENS in the paper reader).',
    ]);
    expect(read(MINI.replace('# 标题', '标题')).errors[0]).toBe('[deck] assets/paper/paper.txt:1 the paper does not start with its title. Start the file with the title as a heading: `# 标题`.');
    expect(read(MINI.replace('[2] 文献二', '[3] 文献二')).errors).toEqual(['[deck] assets/paper/paper.txt:29 reference [3] follows [1]. Number the references [1], [2], … in order, as the paper does.', '[deck] assets/paper/paper.txt:21 reference marker [2] names no entry of the reference list. The references are [1]–[2]; fix the marker\'s number.']);
    expect(read(`${MINI}\n又一段。\n`).errors).toEqual(['[deck] assets/paper/paper.txt:41 text after the end of the paper. The paper ends with the English block and the editor\'s line `[责任编辑：…]`; move this where it belongs.']);
  });
});
