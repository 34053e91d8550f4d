import { describe, expect, it } from 'vitest';
import { render } from '../helpers.ts';

function compile(markdown: string): { html: string; errors: string[] } {
  const { html, errors } = render(markdown);
  return { html, errors: errors.map((e) => e.replace(/^\S+ /, '')) };
}

describe('speaker notes of a slide and of its steps', () => {
  it('puts the slide’s notes in an aside and each `Note N:` inside the Nth fragment', () => {
    const { html, errors } = compile('# 标题\n\n- 一 {.fragment}\n- 二 {.fragment}\n\nNote:\n整页。\n\nNote 2:\n第二步。');
    expect(errors).toEqual([]);
    expect(html).toMatch(/<li class="fragment">二<aside class="notes" data-deck-step="2"><p>第二步。<\/p>\n<\/aside>/);
    expect(html).toMatch(/<aside class="notes"><p>整页。<\/p>/);
  });

  it('turns a fragment paragraph with step notes into a div (an aside may not sit in a p)', () => {
    const { html } = compile('# 标题\n\n结论。 {.fragment}\n\nNote 1:\n结论的讲法。');
    expect(html).toMatch(/<div class="fragment">结论。<aside class="notes" data-deck-step="1">/);
  });

  it('keeps lecturer cues apart, marked so the study view can leave them out', () => {
    const { html } = compile('# 标题\n\n正文\n\nNote:\n讲解。\n\nCue:\n此处提问。');
    expect(html).toContain('<div class="deck-cue" data-deck-cue><p>此处提问。</p>');
  });
});
