import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSection, renderSection } from '../../../src/compiler/compile-section.ts';
import { createMarkdown } from '../../../src/compiler/markdown/index.ts';
import { deckContext } from '../helpers.ts';

/** A section file compiled alone: its slides (id, body, notes) and its errors as `line problem`. */
function compile(text: string): { slides: { id: string; body: string; notes: string }[]; errors: string[] } {
  const deck = deckContext();
  const md = createMarkdown();
  const section = renderSection(parseSection(text, 'slides/t.md', md, deck), md);
  return { slides: section.slides.map(({ id, body, notes }) => ({ id, body, notes })), errors: deck.sink.errors.map((e) => `${e.line} ${e.problem}`) };
}

const FRONT = '---\nid: s\ntitle: 标题\n---\n\n';

describe('a section file, cut into slides and their notes on markdown-it\'s tokens', () => {
  it('keeps a four-backtick fence whole: a ``` line, `Note:` and `---` inside it are code, and the notes come after', () => {
    const { slides, errors } = compile(readFileSync(join(import.meta.dirname, '../../fixtures/fence-holding-notes-marker.md'), 'utf8'));
    expect(errors).toEqual([]);
    expect(slides).toHaveLength(1);
    expect(slides[0]!.body).toContain('Note:\n这一行是代码示例的一部分，不是讲稿。\n\n---\n</code></pre>');
    expect(slides[0]!.body).toContain('<p>围栏之后的正文。</p>');
    expect(slides[0]!.notes).toBe('<aside class="notes"><p>这才是这一页的讲稿。</p>\n</aside>');
  });

  it('reports a fence that is never closed at its line, instead of putting the rest of the file on the slide', () => {
    const { errors } = compile(`${FRONT}# 一\n\n\`\`\`js\nlet a;\n\n---\n\n## 二 {#two}\n`);
    expect(errors).toEqual(['8 code fence opened with ``` is not closed']);
  });

  it('reports a `:::` block left open before the next slide, at the block', () => {
    const { slides, errors } = compile(`${FRONT}# 一\n\n::: teaching\n补充\n\n---\n\n## 二 {#two}\n\n正文\n`);
    expect(errors).toEqual(['8 `::: teaching` is not closed before the slide break at line 11']);
    expect(slides.map((s) => s.id)).toEqual(['s']);
  });

  it('reports a `:::` block left open before the notes', () => {
    const { errors } = compile(`${FRONT}# 一\n\n::: teaching\n补充\n\nNote:\n讲稿\n`);
    expect(errors).toEqual(['8 `::: teaching` is not closed before `Note:` at line 11']);
  });

  it('reports a `:::` block never closed at the end of the file, at the block', () => {
    expect(compile(`${FRONT}# 一\n\n::: teaching\n补充\n`).errors).toEqual(['8 `::: teaching` is not closed: it takes in everything after it']);
    expect(compile(`${FRONT}# 一\n\n::: teaching\n补充\n:::\n`).errors).toEqual([]);
  });

  it('reports a `:::` block left open before another one starts (the first `:::` would close the outer one)', () => {
    const { errors } = compile(`${FRONT}# 一\n\n::: quiz single\n第一题？\n\n::: quiz single\n第二题？\n\n- [x] 甲\n- [ ] 乙\n\n见 [此页](#/s)。\n:::\n`);
    expect(errors).toEqual(['8 `::: quiz` is not closed before `::: quiz` at line 11']);
  });

  it('ends an HTML comment or block left open at the slide break: the next slide stays a slide, the comment is reported', () => {
    const { slides, errors } = compile(`${FRONT}# 一\n\n<!-- 待办\n\n---\n\n## 二 {#two}\n\n正文 <!-- 注 -->\n`);
    expect(errors).toEqual(['8 HTML comment `<!--` is not closed']);
    expect(slides.map((s) => s.id)).toEqual(['s', 'two']);
    expect(slides[1]!.body).toContain('<h2>二</h2>');
  });

  it('ends display math left open at the slide break or the notes, and reports it', () => {
    const broken = compile(`${FRONT}# 一\n\n$$\nx^2\n\n---\n\n## 二 {#two}\n\n$$\ny\n$$\n`);
    expect(broken.errors).toEqual(['8 display math `$$` is not closed']);
    expect(broken.slides.map((s) => s.id)).toEqual(['s', 'two']);
    const notes = compile(`${FRONT}# 一\n\n$$\nx^2\n\nNote:\n讲稿\n`);
    expect(notes.errors).toEqual(['8 display math `$$` is not closed']);
    expect(notes.slides[0]!.notes).toContain('讲稿');
  });

  it('takes `---` right under a paragraph for a slide break, not a heading underline', () => {
    const { slides } = compile(`${FRONT}# 一\n\n最后一段\n---\n## 二 {#two}\n\n正文\n`);
    expect(slides.map((s) => s.id)).toEqual(['s', 'two']);
    expect(slides[0]!.body).toContain('<p>最后一段</p>');
  });

  it('reads text after `Note:` on its line as the notes\' first line', () => {
    const { slides } = compile(`${FRONT}# 一\n\nNote: 第一行\n第二行\n`);
    expect(slides[0]!.notes).toBe('<aside class="notes"><p>第一行\n第二行</p>\n</aside>');
  });

  it('ignores a byte-order mark at the start of the file', () => {
    const { slides, errors } = compile(`\uFEFF${FRONT}# 一\n`);
    expect(errors).toEqual([]);
    expect(slides.map((s) => s.id)).toEqual(['s']);
  });

  it('reads the options comment from markdown-it\'s HTML token, and reports it in the notes or set twice', () => {
    expect(compile(`${FRONT}# 一\n\n<!-- .slide: class=dense -->\n\n正文\n`).errors).toEqual([]);
    expect(compile(`${FRONT}# 一\n\nNote:\n<!-- .slide: steps -->\n`).errors).toEqual(['9 slide options in the notes']);
    expect(compile(`${FRONT}# 一\n\n<!-- .slide: steps -->\n\n<!-- .slide: class=x -->\n`).errors).toEqual(['10 slide options set twice (first at line 8)']);
  });

  it('keeps a slide option comment out of the slide', () => {
    expect(compile(`${FRONT}# 一\n\n<!-- .slide: class=dense -->\n\n正文\n`).slides[0]!.body).not.toContain('.slide:');
  });
});
