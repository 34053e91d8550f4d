import { describe, expect, it } from 'vitest';
import type { CompiledSection, CompiledSlide } from '../../../../src/compiler/model.ts';
import { restDocument, restFileName, restId } from '../../../../src/compiler/render/rest-document.ts';
import { REST_PIECE_SLIDES, slidesHtml } from '../../../../src/compiler/render/slides-html.ts';
import { REST_GROUP_MARK, restMark } from '../../../../src/shared/deck-model.ts';

const slide = (id: string, extra: Partial<CompiledSlide> = {}): CompiledSlide => ({ id, title: id, minutes: 1, plans: ['45'], steps: 0, source: null, file: 'slides/x.md', line: 1, classes: [], body: `<h2>${id}</h2>`, notes: '', ...extra });
const section = (id: string, slides: CompiledSlide[]): CompiledSection => ({ id, title: id, short: id, file: `slides/${id}.md`, slides });
const DECK = [section('intro', [slide('title', { classes: ['center'] }), slide('abstract', { minutes: 2, notes: '<aside class="notes"><p>讲</p></aside>' })]), section('logic', [slide('logic')])];

describe('the slides as the pages carry them', () => {
  it('renders every group and slide, with the slide\u2019s id, classes, minutes and notes', () => {
    expect(slidesHtml(DECK, 'all')).toBe([
      '<section data-deck-section="intro">',
      '<section id="title" class="center" data-deck-minutes="1" data-deck-plans="45">\n<h2>title</h2>\n</section>',
      '<section id="abstract" data-deck-minutes="2" data-deck-plans="45">\n<h2>abstract</h2><aside class="notes"><p>讲</p></aside>\n</section>',
      '</section>',
      '<section data-deck-section="logic">',
      '<section id="logic" data-deck-minutes="1" data-deck-plans="45">\n<h2>logic</h2>\n</section>',
      '</section>',
    ].join('\n'));
  });

  it('marks the first group and slide `present`, as reveal.js will, so the first slide paints from HTML and CSS alone', () => {
    const html = slidesHtml(DECK, 'all', { present: true });
    expect(html.startsWith('<section class="present" data-deck-section="intro">\n<section id="title" class="present center" ')).toBe(true);
    expect(html.match(/present/g)).toHaveLength(2);
  });

  it('cuts after the first slide: the page has it alone, the rest document every other slide in its group', () => {
    expect(slidesHtml(DECK, 'first', { present: true })).toBe('<section class="present" data-deck-section="intro">\n<section id="title" class="present center" data-deck-minutes="1" data-deck-plans="45">\n<h2>title</h2>\n</section>\n</section>');
    const rest = slidesHtml(DECK, 'rest');
    expect(rest.split(REST_GROUP_MARK).slice(1).map((g) => [...g.matchAll(/id="([^"]+)"/g)].map((m) => m[1]))).toEqual([['abstract'], ['logic']]);
    expect(rest).not.toContain('present');
  });

  it('cuts a long section of the rest document into pieces of a few slides, each a group of that section', () => {
    const long = section('paths', Array.from({ length: 2 * REST_PIECE_SLIDES + 1 }, (_, i) => slide(`p${i}`)));
    const pieces = slidesHtml([DECK[0]!, long], 'rest').split(REST_GROUP_MARK).slice(1);
    expect(pieces.map((g) => [...g.matchAll(/id="([^"]+)"/g)].length)).toEqual([1, REST_PIECE_SLIDES, REST_PIECE_SLIDES, 1]);
    expect(pieces.slice(1).every((g) => g.trim().startsWith('<section data-deck-section="paths">'))).toBe(true);
  });

  it('gives the rest document its language, a base back to the site\u2019s root, and a name from its content', () => {
    const rest = slidesHtml(DECK, 'rest');
    const id = restId(rest);
    const doc = restDocument(rest, '标题', 'zh-CN', '../', id);
    expect(doc).toContain('<html lang="zh-CN">');
    expect(doc).toContain('<base href="../">');
    // The page checks the id it was built with, so a server's other page is never taken for it.
    expect(doc).toContain(restMark(id));
    expect(restFileName(id)).toMatch(/^slides-[0-9a-f]{8}\.html$/);
    expect(restId(`${rest} `)).not.toBe(id);
  });

  it('puts a slide\u2019s 「原文」 link after its content, before its notes: paper.html, or the one-file deck\u2019s view of the paper', () => {
    const taught = [section('logic', [slide('logic', { source: [13, 12], notes: '<aside class="notes"><p>讲</p></aside>' }), slide('many', { source: [3, 5, 6, 7, 9, 11] })])];
    const html = slidesHtml(taught, 'all');
    expect(html).toContain('<h2>logic</h2><a class="deck-source" href="./paper.html#p-12-13" data-deck-source="p-12-13" title="在论文原文中查看本页讲解的段落">原文¶12–13</a>\n<aside class="notes">');
    // More than three runs: the first two, and how many paragraphs in all.
    expect(html).toContain('href="./paper.html#p-3,5-7,9,11" data-deck-source="p-3,5-7,9,11" title="在论文原文中查看本页讲解的段落">原文¶3、¶5–7等6段</a>');
    expect(slidesHtml(taught, 'all', { paperLinks: 'view' })).toContain('<a class="deck-source" href="#paper/p-12-13" ');
    // A slide without source= (the title, an opener, the back matter) has none.
    expect(slidesHtml(DECK, 'all')).not.toContain('deck-source');
  });
});
