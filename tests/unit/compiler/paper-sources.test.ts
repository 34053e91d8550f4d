import { describe, expect, it } from 'vitest';
import { parseSection, renderSection } from '../../../src/compiler/compile-section.ts';
import { formatContentError } from '../../../src/compiler/errors.ts';
import { createMarkdown } from '../../../src/compiler/markdown/index.ts';
import { paragraphLinks } from '../../../src/compiler/paper/slide-sources.ts';
import { deckContext, render } from '../helpers.ts';

/** A snippet compiled in a deck that has the paper (¶1–¶45): its slides' sources and the errors, `file:line problem`. */
function withPaper(markdown: string): { sources: Record<string, number[] | null>; errors: string[] } {
  const { slides, errors } = render(markdown, 10, deckContext([], { paper: true }));
  return { sources: Object.fromEntries(slides.map((s) => [s.id, s.source])), errors };
}

/** A whole section file (front matter given) in a deck with the paper: the errors, formatted as the build prints them. */
function fileErrors(text: string): string[] {
  const deck = deckContext([], { paper: true });
  const md = createMarkdown();
  renderSection(parseSection(text, 'slides/06-back.md', md, deck), md);
  return deck.sink.errors.map(formatContentError);
}

/** The first slide of a snippet is its section's opener: the slides under test come after it. */
const OPENER = '# 开篇\n\n引导问题\n\n---\n\n';

describe('`source=`: the paragraphs of the paper a slide teaches', () => {
  it('reads one paragraph, a range, several, and keeps them ascending in the model', () => {
    const { sources, errors } = withPaper(`${OPENER}## 一 {#a}\n\n<!-- .slide: source=12 -->\n\n正文\n\n---\n\n## 二 {#b}\n\n<!-- .slide: steps source=12-13 -->\n\n- 正文\n\n---\n\n## 三 {#c}\n\n<!-- .slide: source=7,3,5-6 minutes=2 -->\n\n正文\n`);
    expect(errors).toEqual([]);
    expect(sources).toEqual({ test: null, a: [12], b: [12, 13], c: [3, 5, 6, 7] });
  });

  it('reports a paragraph the paper lacks, a range that runs backwards, an empty value, each at the options line', () => {
    const { errors } = withPaper(`${OPENER}## 一 {#a}\n\n<!-- .slide: source=44-46 -->\n\n正文\n\n---\n\n## 二 {#b}\n\n<!-- .slide: source=13-12 -->\n\n正文\n\n---\n\n## 三 {#c}\n\n<!-- .slide: source= -->\n\n正文\n\n---\n\n## 四 {#d}\n\n<!-- .slide: source=p12 -->\n\n正文\n`);
    expect(errors).toEqual([
      'slides/test.md:19 `source=44-46`: the paper has no paragraph ¶46 (its body has ¶1–¶45)',
      'slides/test.md:27 `source=13-12`: paragraph range `13-12` runs backwards',
      'slides/test.md:35 `source=` names no paragraph',
      'slides/test.md:43 `source=p12`: `p12` is not a list of paragraphs',
    ]);
  });

  it('says how to fix them, in the build\'s one shape', () => {
    const deck = deckContext([], { paper: true });
    render(`${OPENER}## 一 {#a}\n\n<!-- .slide: source=0 -->\n\n正文\n`, 0, deck);
    expect(deck.sink.errors.map(formatContentError)).toEqual([
      '[deck] slides/test.md:9 `source=0`: the paper has no paragraph ¶0 (its body has ¶1–¶45). Name paragraphs of the paper by their numbers ¶1–¶45, as the paper view shows them: `12`, `12-13` or `3,5-7`.',
    ]);
  });

  it('reports `source=` on a slide with nothing but its heading', () => {
    const { errors } = withPaper(`${OPENER}## 只有标题 {#a}\n\n<!-- .slide: source=12 -->\n\nNote:\n讲稿不算内容。\n`);
    expect(errors).toEqual(['slides/test.md:19 `source=` on slide `a`, which has no content']);
  });

  it('requires it on every content slide, naming the slide, at its options line or its heading', () => {
    const { errors } = withPaper(`${OPENER}## 一 {#a}\n\n正文\n\n---\n\n## 二 {#b}\n\n<!-- .slide: steps -->\n\n- 正文\n`);
    expect(errors).toEqual(['slides/test.md:17 slide `a` names no paragraph of the paper', 'slides/test.md:25 slide `b` names no paragraph of the paper']);
  });

  it('does not require it of a section\'s first slide (the title, an opener) or of the reader\'s scores, but takes it there too', () => {
    const { sources, errors } = withPaper(`# 开篇\n\n<!-- .slide: source=1 -->\n\n引导问题\n\n---\n\n## 我的成绩 {#scores}\n\n::: scores\n:::\n`);
    expect(errors).toEqual([]);
    expect(sources).toEqual({ test: [1], scores: null });
  });

  it('does not require it in the back matter (`back: true`), and reports a `back` that is not true or false', () => {
    expect(fileErrors('---\nid: glossary\ntitle: 术语表\nback: true\n---\n\n# 术语表\n\n正文\n\n---\n\n## 续 {#glossary-2}\n\n正文\n')).toEqual([]);
    expect(fileErrors('---\nid: glossary\ntitle: 术语表\nback: yes\n---\n\n# 术语表\n\n正文\n\n---\n\n## 续 {#glossary-2}\n\n正文\n')).toEqual([
      '[deck] slides/06-back.md:1 `back: yes` is not true or false. Write `back: true` for the back matter (glossary, references), or leave it out.',
      '[deck] slides/06-back.md:13 slide `glossary-2` names no paragraph of the paper. Add the paragraphs it teaches, as the paper view numbers them (¶1–¶45): `<!-- .slide: source=12-13 -->`. Only the title, a section\'s first slide and the back matter (`back: true` in the front matter) go without.',
    ]);
  });

  it('in a deck without the paper: none is required, and one given is an error', () => {
    const none = render(`${OPENER}## 一 {#a}\n\n正文\n`);
    expect(none.errors).toEqual([]);
    const given = render(`${OPENER}## 一 {#a}\n\n<!-- .slide: source=3 -->\n\n正文\n`);
    expect(given.errors).toEqual(['slides/test.md:9 `source=3` names paragraphs of the paper, but the deck has no paper']);
  });
});

describe('which slides teach each paragraph (the paper view\'s links back), from the model', () => {
  it('lists each paragraph some slide names, in order, with its slides in deck order by id and title', () => {
    const slide = (id: string, source: number[] | null) => ({ id, title: `标题${id}`, source });
    expect(paragraphLinks([{ slides: [slide('a', [13, 12]), slide('b', null)] }, { slides: [slide('c', [12])] }])).toEqual([
      { paragraph: 12, slides: [{ id: 'a', title: '标题a' }, { id: 'c', title: '标题c' }] },
      { paragraph: 13, slides: [{ id: 'a', title: '标题a' }] },
    ]);
  });
});
