import { describe, expect, it } from 'vitest';
import type { CompiledSection, CompiledSlide } from '../../../../src/compiler/model.ts';
import { typesetSections } from '../../../../src/compiler/render/typeset-slides.ts';
import { headingWords } from '../../../../src/shared/typeset.ts';

const slide = (body: string, notes = ''): CompiledSlide => ({ id: 's', title: 's', minutes: 1, plans: ['45'], steps: 0, source: null, file: 'slides/x.md', line: 1, classes: [], body, notes });
const deck = (s: CompiledSlide): CompiledSection[] => [{ id: 'x', title: 'x', short: 'x', file: 'slides/x.md', slides: [s] }];
const TERM = '<span class="deck-term-wrap"><button type="button" class="deck-term">共同富裕</button></span>';

describe('Chinese line breaking, done at build time', () => {
  it('joins a term to the closing punctuation after it, in the body and in the notes', () => {
    const [out] = typesetSections(deck(slide(`<p>实现“${TERM}”，是目标</p>`, `<aside class="notes"><p>${TERM}。</p></aside>`)));
    expect(out!.slides[0]!.body).toBe(`<p>实现<span class="deck-nobreak">“${TERM}”，</span>是目标</p>`);
    expect(out!.slides[0]!.notes).toBe(`<aside class="notes"><p><span class="deck-nobreak">${TERM}。</span></p></aside>`);
  });

  it('joins a citation to the two characters and the punctuation before it', () => {
    const [out] = typesetSections(deck(slide('<p>先进生产力。<sup class="deck-cite"><a href="#/references">[3]</a></sup></p>')));
    expect(out!.slides[0]!.body).toBe('<p>先进生<span class="deck-nobreak">产力。<sup class="deck-cite"><a href="#/references">[3]</a></sup></span></p>');
  });

  it('joins a citation in a term’s tooltip, a text of its own, to the punctuation after it', () => {
    const cite = '<sup class="deck-cite"><a href="#/references">[3]</a></sup>';
    const tip = (inner: string): string => `<span class="deck-term-wrap"><button type="button" class="deck-term">新质生产力</button><span role="tooltip" class="deck-term-tip" hidden=""><strong>新质生产力</strong>：${inner}<span class="deck-term-source">（原文）</span></span></span>`;
    const [out] = typesetSections(deck(slide(`<p>${tip(`本质是先进生产力”${cite}。`)}</p>`)));
    expect(out!.slides[0]!.body).toBe(`<p>${tip(`本质是先进生<span class="deck-nobreak">产力”${cite}。</span>`)}</p>`);
  });

  it('breaks a heading between words only, and leaves the text as it was', () => {
    const [out] = typesetSections(deck(slide('<h2>新质生产力赋能共同富裕的内在逻辑</h2>')));
    const body = out!.slides[0]!.body;
    expect(body).toMatch(/^<h2 class="deck-words">/);
    expect(body.replace(/<[^>]+>/g, '')).toBe('新质生产力赋能共同富裕的内在逻辑');
    expect(body).not.toContain('富<wbr>裕');
    expect(body).toContain('<wbr>');
  });

  it('cuts a title into words that join back to it, a one-character word never alone', () => {
    const words = headingWords('新质生产力赋能共同富裕的内在逻辑与推进路径');
    expect(words.join('')).toBe('新质生产力赋能共同富裕的内在逻辑与推进路径');
    expect(words.length).toBeGreaterThan(2);
    expect(words.every((w) => [...w].length > 1)).toBe(true);
  });
});

describe('markup other than the joins', () => {
  it('keeps a self-closed MathML element empty: its siblings stay its siblings', () => {
    const math = '<math><mrow><mi>a</mi><mspace width="1em"/><mi>b</mi></mrow></math>';
    const [out] = typesetSections(deck(slide(`<p>${math}</p>`)));
    expect(out!.slides[0]!.body).toBe('<p><math><mrow><mi>a</mi><mspace width="1em"></mspace><mi>b</mi></mrow></math></p>');
  });
});
