// @vitest-environment happy-dom
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorSink } from '../../../src/compiler/errors.ts';
import { noCharacters, type ShownCharacters } from '../../../src/compiler/fonts/collect-characters.ts';
import { addPaperText } from '../../../src/compiler/paper/paper-fonts.ts';
import { uiText } from '../../../src/shared/ui-strings.ts';

/** What the paper page shows, as the font subset takes it. */
function paperText(root: string): ShownCharacters {
  const into = noCharacters();
  addPaperText(root, into);
  return into;
}
import { loadPaper, readPaper } from '../../../src/compiler/paper/read-paper.ts';
import { paperPageTitle, renderPaper } from '../../../src/compiler/paper/render-paper.ts';
import type { ParagraphLinks } from '../../../src/compiler/paper/coverage.ts';

const ROOT = join(import.meta.dirname, '../../..');
const doc = loadPaper(ROOT, new ErrorSink());

/** The rendered page as a document, to read back like a browser. */
function page(links: ParagraphLinks = [], leftOut: { paragraph: number; reason: string }[] = []): Document {
  const html = renderPaper(doc, { links, leftOut });
  const d = document.implementation.createHTMLDocument('paper');
  d.body.innerHTML = html;
  return d;
}

describe('the paper page’s HTML', () => {
  const d = page();
  const article = d.querySelector('article')!;

  it('is one article in Chinese, its English block in English', () => {
    expect(d.querySelectorAll('article')).toHaveLength(1);
    expect(article.getAttribute('lang')).toBe('zh-CN');
    const english = article.querySelector('section.deck-paper-english')!;
    expect(english.getAttribute('lang')).toBe('en');
    expect(english.querySelector('h2')?.textContent).toBe('New Quality Productivity to Promote Common Prosperity Inherent Logic and Advancing Path');
    expect(english.textContent).toContain('Abstract:');
    expect(paperPageTitle(doc)).toBe('新质生产力赋能共同富裕的内在逻辑与推进路径 · 论文原文');
  });

  it('has the paper’s own headings, the title h1 and the sections, references and English title h2 (the PDF’s bookmarks)', () => {
    expect([...article.querySelectorAll('h1, h2, h3, h4')].map((h) => `${h.tagName} ${h.textContent}`)).toEqual([
      'H1 新质生产力赋能共同富裕的内在逻辑与推进路径',
      'H2 一、新质生产力赋能共同富裕的内在逻辑',
      'H2 二、新质生产力赋能共同富裕的难点问题',
      'H2 三、新质生产力赋能共同富裕的推进路径',
      'H2 参考文献',
      'H2 New Quality Productivity to Promote Common Prosperity Inherent Logic and Advancing Path',
    ]);
  });

  it('numbers every body paragraph: <p id="p-N" data-deck-paragraph="N"> with a visible ¶N that links to it', () => {
    const ps = [...article.querySelectorAll('p[data-deck-paragraph]')];
    expect(ps.map((p) => p.id)).toEqual(doc.paragraphs.map((_, i) => `p-${i + 1}`));
    expect(ps.map((p) => p.getAttribute('data-deck-paragraph'))).toEqual(doc.paragraphs.map((_, i) => String(i + 1)));
    const num = ps[11]!.querySelector('a.deck-paper-num')!;
    expect([num.textContent, num.getAttribute('href')]).toEqual(['¶12', '#p-12']);
    expect(ps[0]!.getAttribute('data-deck-part')).toBe('intro');
    expect(ps[44]!.getAttribute('data-deck-part')).toBe('conclusion');
  });

  it('links each reference marker to its entry, with the page: [4](P9) → #ref-4', () => {
    const cite = article.querySelector('#p-3 sup.deck-paper-cite')!;
    const a = cite.querySelector('a.deck-paper-ref')!;
    expect([a.getAttribute('href'), a.textContent, cite.textContent]).toEqual(['#ref-4', '[4]', '[4](P9)']);
    const targets = [...article.querySelectorAll('a.deck-paper-ref')].map((x) => x.getAttribute('href')!.slice(1));
    expect(targets.length).toBe(19);
    for (const id of targets) expect(d.getElementById(id)?.tagName).toBe('LI');
  });

  it('lists the references as the source has them, id="ref-N", each with the paragraphs that cite it', () => {
    const items = [...article.querySelectorAll('.deck-paper-references li')];
    expect(items.map((li) => li.id)).toEqual(Array.from({ length: 11 }, (_, i) => `ref-${i + 1}`));
    expect(items[4]!.textContent).toContain('[5] 马克思恩格斯选集, 第 1 卷 [M]. 北京: 人民出版社, 2012.');
    expect([...items[6]!.querySelectorAll('.deck-paper-cited a')].map((a) => a.textContent)).toEqual(['¶9', '¶12', '¶16', '¶19', '¶22', '¶29', '¶41']);
  });

  it('holds the front matter: abstract, keywords, classification, author notes and funding', () => {
    const front = article.querySelector('header.deck-paper-front')!;
    expect(front.querySelector('.deck-paper-authors')?.textContent).toBe('燕连福 牛刚刚');
    expect(front.textContent).toContain('[摘 要] 新质生产力代表着先进生产力发展的新方向');
    expect([...front.querySelectorAll('.deck-paper-keyword')].map((k) => k.textContent)).toEqual(['新质生产力', '共同富裕', '高质量发展', '中国式现代化']);
    expect(front.querySelector('.deck-paper-codes')?.textContent).toBe('[中图分类号] D616 [文献标识码] A');
    expect(front.querySelector('.deck-paper-notes')?.textContent).toContain('[基金项目] 国家社会科学基金专项项目');
    expect(article.querySelector('.deck-paper-editor')?.textContent).toBe('[责任编辑：徐小梅]');
  });

  it('carries the slides that teach each paragraph and the paragraphs left out as JSON for the page’s script, safely escaped', () => {
    const links: ParagraphLinks = [{ paragraph: 12, slides: [{ id: 'logic-values', title: '价值基点 </script><b>x</b>' }] }];
    const withLinks = page(links, [{ paragraph: 3, reason: '背景' }]);
    expect(withLinks.querySelectorAll('script')).toHaveLength(2);
    expect(JSON.parse(withLinks.getElementById('deck-paper-links')!.textContent!)).toEqual(links);
    expect(JSON.parse(withLinks.getElementById('deck-paper-left-out')!.textContent!)).toEqual([{ paragraph: 3, reason: '背景' }]);
    expect(JSON.parse(d.getElementById('deck-paper-links')!.textContent!)).toEqual([]);
  });

  it('escapes the text it is given: markup in the source shows as text', () => {
    const sink = new ErrorSink();
    const bad = readPaper('# 标题 <i>\n\n作者\n\n引言 <b>粗</b>。\n\n## 一、节\n\n综上所述。\n\n## 参考文献\n', 'paper.txt', sink);
    const html = renderPaper(bad, { links: [] });
    const parsed = document.implementation.createHTMLDocument('x');
    parsed.body.innerHTML = html;
    expect(parsed.querySelectorAll('b, i')).toHaveLength(0);
    expect(parsed.getElementById('p-1')?.textContent).toBe('¶1引言 <b>粗</b>。');
    expect(parsed.querySelector('h1')?.textContent).toBe('标题 <i>');
  });
});

describe('the characters the paper page shows, for the deck font', () => {
  it('are every character of the paper’s text and of the page’s own words', () => {
    // The page's own words come from the interface's strings table, which the subset always holds.
    const shown = new Set([...paperText(ROOT).all, ...uiText().join('')]);
    const missing = [...new Set([...doc.paragraphs.map((p) => p.text).join(''), ...doc.front.funding!.text, ...'¶引用处'])].filter((c) => c > '~' && !shown.has(c));
    expect(missing).toEqual([]);
  });

  it('and, of them, those it sets bold: the headings', () => {
    const bold = [...paperText(ROOT).bold].join('');
    const headings = [doc.title, ...doc.body.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])), '参考文献'].join('');
    expect([...new Set(headings)].filter((c) => c > '~' && !bold.includes(c))).toEqual([]);
    expect(bold.includes('综')).toBe(false);
  });

  it('are none for a project without the paper', () => {
    expect(paperText(join(ROOT, 'tests/fixtures/base-deck'))).toEqual(noCharacters());
  });
});
