import { describe, expect, it } from 'vitest';
import { clock, pacingOn, planLecture } from '../../../src/deck/pacing/plan.ts';
import type { DeckManifest } from '../../../src/shared/deck-model.ts';

const manifest = (minutes: number, slideMinutes: (number | null)[]): Pick<DeckManifest, 'meta' | 'sections'> => ({
  meta: { id: 'deck', title: '', subtitle: '', authors: [], englishTitle: '', keywords: [], funding: '', minutes, lang: 'zh-CN' },
  sections: [{ id: 's', title: 's', short: 's', slides: slideMinutes.map((m, i) => ({ id: `s${i}`, title: '', minutes: m, steps: 0, source: null })) }],
});

describe('the lecture plan the pacing line follows', () => {
  it('gives a slide with minutes=N its N, and shares what remains equally among the others', () => {
    const plan = planLecture(manifest(10, [4, null, null, 2]) as DeckManifest);
    expect(plan.map((p) => [p.start, p.minutes])).toEqual([[0, 4], [4, 2], [6, 2], [8, 2]]);
  });

  it('never gives a negative share when the fixed minutes exceed the lecture', () => {
    expect(planLecture(manifest(3, [4, null]) as DeckManifest).map((p) => p.minutes)).toEqual([4, 0]);
  });

  it('says how far ahead (positive) or behind the lecture is on a slide', () => {
    const plan = planLecture(manifest(10, [4, null, null, 2]) as DeckManifest);
    expect(pacingOn(plan, 's2', 5)).toEqual({ planned: { id: 's2', start: 6, minutes: 2 }, ahead: 1 });
    expect(pacingOn(plan, 'nope', 5)).toBeNull();
    expect(clock(-1.5)).toBe('1:30');
  });
});
