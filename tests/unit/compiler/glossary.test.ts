import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../../src/compiler/markdown/env.ts';
import { UI } from '../../../src/shared/ui-strings.ts';
import { deckContext, render } from '../helpers.ts';

const term = (t: string, definition: string, teaching = false): GlossaryTerm => ({ term: t, definition, teaching, line: 1, firstSlide: null });

/** The snippet on a slide of id `slideId` (in its notes if `inNotes`), with these glossary terms. */
function renderWith(terms: GlossaryTerm[], markdown: string, slideId = 's1', inNotes = false): string {
  return render(inNotes ? `# 页\n\nNote:\n${markdown}` : markdown, 0, deckContext(terms), slideId).html;
}

describe('glossary terms: marked once, where they first appear on a slide', () => {
  it('marks the first appearance as a button with its definition as a tooltip', () => {
    const terms = [term('幂数效应', '指数级增长 [@3]')];
    const html = renderWith(terms, '新动能带来幂数效应，幂数效应很强。');
    expect(html.match(/class="deck-term"/g)).toHaveLength(1);
    expect(html).toMatch(/<button type="button" class="deck-term" aria-expanded="false" aria-describedby="tip-s1-1">幂数效应<\/button><span role="tooltip" id="tip-s1-1" class="deck-term-tip" hidden><strong>幂数效应<\/strong>：指数级增长 <sup class="deck-cite">/);
    expect(html).toContain('（原文）');
    expect(terms[0]!.firstSlide).toBe('s1');
  });

  it('does not mark the term again on a later slide, and labels teaching additions', () => {
    const terms = [term('马太效应', '强者愈强', true)];
    renderWith(terms, '避免马太效应。', 'first');
    expect(renderWith(terms, '再说马太效应。', 'second')).not.toContain('deck-term');
    expect(terms[0]!.firstSlide).toBe('first');
    expect(renderWith([term('马太效应', '强者愈强', true)], '马太效应')).toContain('（教学补充）');
  });

  it('skips headings, links, code and speaker notes', () => {
    const terms = [term('共享性', '定义')];
    expect(renderWith(terms, '## 共享性\n\n[共享性](#/x) and `共享性`')).not.toContain('deck-term');
    expect(renderWith(terms, '共享性', 's', true)).not.toContain('deck-term');
    expect(terms[0]!.firstSlide).toBeNull();
  });

  it('prefers the longer term where two start at the same place', () => {
    const terms = [term('共同', '短'), term('共同富裕', '长')];
    const html = renderWith(terms, '实现共同富裕');
    expect(html).toContain('>共同富裕</button>');
  });

  it('lists the glossary under a legend of its one mark: a teaching addition is marked, an entry quoting the paper is not', () => {
    const html = renderWith([term('头雁效应', '论文第一部分：“领头”'), term('马太效应', '强者愈强', true)], '::: glossary\n:::');
    expect(html).toContain(`<p class="deck-glossary-legend">${UI.glossary.legend}</p><dl class="deck-glossary">`);
    expect(UI.glossary.legend).toContain(`（${UI.glossary.teaching}）`);
    const entries = html.match(/<div class="deck-glossary-entry">.*?<\/div>/g) ?? [];
    expect(entries).toHaveLength(2);
    expect(entries[0]).not.toContain('deck-term-source');
    expect(entries[1]).toContain(`<span class="deck-term-source">（${UI.glossary.teaching}）</span>`);
  });
});
