// @vitest-environment happy-dom
/**
 * The paper view as the one-file deck will mount it (`#paper/p-12`, slides at `#/slide-id`):
 * the compiled page (render-paper.ts) driven by its browser code (src/deck/pages/paper.ts) in
 * happy-dom. paper.html itself is tested in Chromium (tests/browser/paper.test.ts).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSink } from '../../../src/compiler/errors.ts';
import { loadPaper } from '../../../src/compiler/paper/read-paper.ts';
import { renderPaper } from '../../../src/compiler/paper/render-paper.ts';
import { paragraphHref, startPaperView, type PaperView } from '../../../src/deck/paper/paper-view.ts';

const doc = loadPaper(join(import.meta.dirname, '../../..'), new ErrorSink());
let view: PaperView | null = null;
afterEach(() => {
  view?.stop();
  view = null;
  document.body.innerHTML = '';
  location.hash = '';
});

function mount(prefix: string): HTMLElement {
  document.body.innerHTML = `<main>${renderPaper(doc, { links: [{ paragraph: 12, slides: [{ id: 'logic-values', title: '价值基点' }] }], leftOut: [{ paragraph: 3, reason: '背景' }] })}</main>`;
  const article = document.querySelector<HTMLElement>('article.deck-paper')!;
  view = startPaperView(article, { slideHref: (id) => `#/${id}`, fragmentPrefix: prefix });
  return article;
}

describe('the paper view inside another page (the one-file deck)', () => {
  it('points its own links into its view: #paper/p-12, #paper/ref-4', () => {
    const article = mount('paper/');
    expect(article.querySelector('#p-12 .deck-paper-num')?.getAttribute('href')).toBe('#paper/p-12');
    expect(article.querySelector('#p-3 .deck-paper-ref')?.getAttribute('href')).toBe('#paper/ref-4');
    expect(article.querySelector('#ref-7 .deck-paper-cited a')?.getAttribute('href')).toBe('#paper/p-9');
    expect(paragraphHref({ from: 12, to: 13 }, 'paper/')).toBe('#paper/p-12-13');
  });

  it('links each taught paragraph back to its slides in the deck', () => {
    const article = mount('paper/');
    const aside = article.querySelector('#p-12 + .deck-paper-aside')!;
    expect(aside.textContent).toBe('已讲解本段讲解：价值基点');
    expect(aside.querySelector('a')?.getAttribute('href')).toBe('#/logic-values');
    expect(article.querySelector('#p-3 + .deck-paper-aside')?.textContent).toBe('有意略过理由：背景');
  });

  it('highlights what #paper/p-12-13 names, and leaves the deck’s own fragments alone', () => {
    const article = mount('paper/');
    const lit = () => [...article.querySelectorAll('p.deck-paper-hl[data-deck-paragraph]')].map((p) => p.id);
    location.hash = '#paper/p-12-13';
    view!.applyFragment();
    expect(lit()).toEqual(['p-12', 'p-13']);
    location.hash = '#/logic-values';
    view!.applyFragment();
    expect(lit()).toEqual([]);
    for (const other of ['#p-12', '#notme/p-12']) {
      location.hash = other;
      view!.applyFragment();
      expect(lit(), other).toEqual([]);
    }
  });

  it('puts its bar before the page’s main, and takes it away when stopped', () => {
    mount('paper/');
    expect(document.querySelectorAll('.deck-paper-top, form.deck-paper-search')).toHaveLength(2);
    expect(document.querySelector('main')?.previousElementSibling?.matches('form.deck-paper-search')).toBe(true);
    view!.stop();
    view = null;
    expect(document.querySelectorAll('.deck-paper-top, form.deck-paper-search')).toHaveLength(0);
  });
});
