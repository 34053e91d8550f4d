import { describe, expect, it } from 'vitest';
import { handoutSheets } from '../../../src/deck/pages/handout-layout.ts';
import type { DeckManifest } from '../../../src/shared/deck-model.ts';

const slides = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, title: `${prefix} ${i + 1}`, minutes: 1, plans: ['45'], steps: 0, source: null }));
const MANIFEST: DeckManifest = {
  meta: { id: 'deck', title: '新质生产力赋能共同富裕的内在逻辑与推进路径', subtitle: '', authors: [], englishTitle: '', keywords: [], funding: '', plans: [{ id: '45', title: '一课时', minutes: 45 }], defaultPlan: '45', lang: 'zh-CN' },
  sections: [
    { id: 'intro', title: '引言', short: '引言', slides: slides('intro', 7) },
    { id: 'logic', title: '一、内在逻辑', short: '一、内在逻辑', slides: slides('logic', 3) },
    { id: 'end', title: '结语', short: '结语', slides: slides('end', 1) },
  ],
  quizzes: [],
  diagrams: [],
  titleWords: {},
};

describe('cutting the deck into handout pages', () => {
  it('puts three slides on a page, a section always starting a new page', () => {
    const sheets = handoutSheets(MANIFEST);
    expect(sheets.map((s) => [s.sectionId, s.slides.map((sl) => sl.id)])).toEqual([
      ['intro', ['intro-1', 'intro-2', 'intro-3']],
      ['intro', ['intro-4', 'intro-5', 'intro-6']],
      ['intro', ['intro-7']],
      ['logic', ['logic-1', 'logic-2', 'logic-3']],
      ['end', ['end-1']],
    ]);
  });

  it('marks the pages that continue a section, and numbers slides through the deck', () => {
    const sheets = handoutSheets(MANIFEST);
    expect(sheets.map((s) => s.continued)).toEqual([false, true, true, false, false]);
    expect(sheets[3]!.slides.map((s) => s.number)).toEqual([8, 9, 10]);
    expect(sheets[4]!.sectionTitle).toBe('结语');
  });

  it('gives a dense slide a page of its own, the slides around it keeping their order and section', () => {
    const sheets = handoutSheets(MANIFEST, 3, new Set(['intro-2', 'logic-3']));
    expect(sheets.map((s) => [s.slides.map((sl) => sl.id), s.alone, s.continued])).toEqual([
      [['intro-1'], false, false],
      [['intro-2'], true, true],
      [['intro-3', 'intro-4', 'intro-5'], false, true],
      [['intro-6', 'intro-7'], false, true],
      [['logic-1', 'logic-2'], false, false],
      [['logic-3'], true, true],
      [['end-1'], false, false],
    ]);
  });
});
