import { describe, expect, it } from 'vitest';
import { answerKey, countAnswers, tallyOf } from '../../src/live/tally.ts';
import { quizOfKind } from './helpers/fixture-deck.ts';

const poll = { status: 'open' as const, seq: 3, rev: 9 };
const tally = (kind: 'single' | 'multiple' | 'order', answers: number[][]) => tallyOf(quizOfKind(kind), countAnswers(answers.map(answerKey)), poll);

describe('tallyOf', () => {
  it('counts a single-choice poll per option, with the right answers and the commonest mistake', () => {
    // The fixture's first single question has options 0–3; 1 is right.
    const t = tally('single', [[1], [1], [0], [2], [2], [2], [3]]);
    expect(t).toMatchObject({ total: 7, counts: [1, 2, 3, 1], allRight: 2, commonestMistake: { answer: [2], count: 3 }, status: 'open', seq: 3, rev: 9 });
  });

  it('counts a multiple-choice poll per option chosen; only the whole right set is right', () => {
    // Right: [0, 1, 3].
    const t = tally('multiple', [[0, 1, 3], [0, 1], [0, 1], [2]]);
    expect(t).toMatchObject({ total: 4, counts: [3, 3, 1, 1], allRight: 1, commonestMistake: { answer: [0, 1], count: 2 } });
  });

  it('counts an order poll per step in its right place, with how many had the whole order right', () => {
    const t = tally('order', [[0, 1, 2], [1, 0, 2], [1, 0, 2], [2, 1, 0]]);
    // Step 0 in place once, step 1 twice ([0,1,2] and [2,1,0]), step 2 three times.
    expect(t).toMatchObject({ total: 4, counts: [1, 2, 3], allRight: 1, commonestMistake: { answer: [1, 0, 2], count: 2 } });
  });

  it('has no mistake when everyone is right, and zeros when nobody answered', () => {
    expect(tally('single', [[1], [1]]).commonestMistake).toBeNull();
    expect(tally('single', [])).toMatchObject({ total: 0, counts: [0, 0, 0, 0], allRight: 0, commonestMistake: null });
  });

  it('breaks a tie between mistakes the same way every time', () => {
    expect(tally('single', [[3], [0]]).commonestMistake).toEqual({ answer: [0], count: 1 });
    expect(tally('single', [[0], [3]]).commonestMistake).toEqual({ answer: [0], count: 1 });
  });
});
