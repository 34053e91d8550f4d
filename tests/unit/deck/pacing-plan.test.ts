import { describe, expect, it } from 'vitest';
import { clock, lectureMinutes, pacingOn, planLecture } from '../../../src/deck/pacing/plan.ts';
import { ALL_PLANS, type DeckManifest } from '../../../src/shared/deck-model.ts';

const PLANS = [{ id: '45', title: '一课时', minutes: 45 }, { id: '90', title: '两课时', minutes: 90 }];

const manifest = (slides: [number, string[]][]): DeckManifest => ({
  meta: { id: 'deck', title: '', subtitle: '', authors: [], englishTitle: '', keywords: [], funding: '', plans: PLANS, defaultPlan: '45', lang: 'zh-CN' },
  sections: [{ id: 's', title: 's', short: 's', slides: slides.map(([minutes, plans], i) => ({ id: `s${i}`, title: '', minutes, plans, steps: 0, source: null })) }],
  quizzes: [],
  diagrams: [],
  titleWords: {},
});

describe('the lecture plan the pacing line follows', () => {
  const deck = manifest([[4, ['45', '90']], [2, ['90']], [3, ['45', '90']], [1, []]]);

  it('takes only the plan’s slides, each with its minutes, one after the other', () => {
    expect(planLecture(deck, '45').map((p) => [p.id, p.start, p.minutes])).toEqual([['s0', 0, 4], ['s2', 4, 3]]);
    expect(planLecture(deck, '90').map((p) => [p.id, p.start])).toEqual([['s0', 0], ['s1', 4], ['s2', 6]]);
  });

  it('rehearses every slide with ?plan=all, the self-study ones too', () => {
    expect(planLecture(deck, ALL_PLANS).map((p) => p.id)).toEqual(['s0', 's1', 's2', 's3']);
    expect(lectureMinutes(deck, ALL_PLANS)).toBe(10);
    expect(lectureMinutes(deck, '90')).toBe(90);
  });

  it('says how far ahead (positive) or behind the lecture is on a slide', () => {
    const plan = planLecture(deck, '90');
    expect(pacingOn(plan, 's2', 5)).toEqual({ planned: { id: 's2', start: 6, minutes: 3 }, ahead: 1 });
    expect(pacingOn(plan, 's3', 5)).toBeNull();
    expect(clock(-1.5)).toBe('1:30');
  });
});
