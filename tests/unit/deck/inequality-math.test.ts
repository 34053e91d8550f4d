import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEED,
  gini,
  growRound,
  initialIncomes,
  lorenz,
  mulberry32,
  runRounds,
} from '../../../src/deck/widgets/math/inequality.ts';

/** The Gini coefficient straight from its definition, Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄). */
function giniByDefinition(xs: number[]): number {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
}

describe('gini: the Gini coefficient', () => {
  it('is 0 when every household has the same income', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
  });

  it('is (n−1)/n when one household holds everything', () => {
    expect(gini([0, 0, 0, 0, 10])).toBeCloseTo(4 / 5, 12);
    expect(gini([...Array<number>(19).fill(0), 1])).toBeCloseTo(19 / 20, 12);
  });

  it('agrees with the definition on an unequal population, in any order', () => {
    const xs = [7, 1, 3, 12, 2.5, 4];
    expect(gini(xs)).toBeCloseTo(giniByDefinition(xs), 12);
    expect(gini(initialIncomes())).toBeCloseTo(giniByDefinition(initialIncomes()), 12);
  });

  it('does not change when every income is scaled by the same factor', () => {
    const xs = initialIncomes();
    expect(gini(xs.map((x) => 3 * x))).toBeCloseTo(gini(xs), 12);
  });

  it('is 0 for no households or no income', () => {
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });
});

describe('lorenz: the Lorenz curve', () => {
  it('runs from (0, 0) to (1, 1) through the sorted cumulative shares', () => {
    expect(lorenz([3, 1])).toEqual([
      { p: 0, l: 0 },
      { p: 0.5, l: 0.25 },
      { p: 1, l: 1 },
    ]);
  });

  it('is the diagonal for an equal population', () => {
    for (const pt of lorenz([2, 2, 2, 2])) expect(pt.l).toBeCloseTo(pt.p, 12);
  });
});

describe('the seeded population', () => {
  it('is the same for the same seed, different for another', () => {
    expect(initialIncomes(7, 20)).toEqual(initialIncomes(7, 20));
    expect(initialIncomes(7, 20)).not.toEqual(initialIncomes(8, 20));
    expect(mulberry32(3)()).toBe(mulberry32(3)());
  });

  it('has 20 positive incomes, poorest first, with a Gini between 0.2 and 0.5 by default', () => {
    const xs = initialIncomes();
    expect(xs).toHaveLength(20);
    expect(xs.every((x) => x > 0)).toBe(true);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(gini(xs)).toBeGreaterThan(0.2);
    expect(gini(xs)).toBeLessThan(0.5);
  });
});

describe('growRound: one round of growth', () => {
  const xs = initialIncomes();
  const sum = (a: number[]): number => a.reduce((s, x) => s + x, 0);

  it('grows the whole cake by the growth rate, whatever the rule', () => {
    for (const rule of ['equal', 'progressive'] as const) {
      for (const share of [0, 0.3, 1]) {
        expect(sum(growRound(xs, { growth: 0.1, share, rule }))).toBeCloseTo(1.1 * sum(xs), 9);
      }
    }
  });

  it('leaves the Gini unchanged when gains are proportional to holdings and nothing is shared', () => {
    expect(gini(growRound(xs, { growth: 0.2, share: 0, rule: 'equal' }))).toBeCloseTo(gini(xs), 12);
  });

  it('lowers the Gini when a share of the gains is spread, more with the progressive rule', () => {
    const equal = gini(growRound(xs, { growth: 0.2, share: 0.5, rule: 'equal' }));
    const progressive = gini(growRound(xs, { growth: 0.2, share: 0.5, rule: 'progressive' }));
    expect(equal).toBeLessThan(gini(xs));
    expect(progressive).toBeLessThan(equal);
  });

  it('keeps the ranks under the progressive rule, even when the pool exceeds every gap', () => {
    const after = growRound([1, 2, 10], { growth: 5, share: 1, rule: 'progressive' });
    expect(after[0]!).toBeLessThanOrEqual(after[1]!);
    expect(after[1]!).toBeLessThanOrEqual(after[2]!);
    expect(sum(after)).toBeCloseTo(6 * 13, 9);
  });
});

describe('runRounds: the 马太效应 run against sharing', () => {
  const xs = initialIncomes(DEFAULT_SEED);
  const rounds = 30;

  it('returns the Gini before the first round and after each round', () => {
    const run = runRounds(xs, { growth: 0.1, share: 0, rule: 'equal' }, rounds);
    expect(run).toHaveLength(rounds + 1);
    expect(run[0]).toBeCloseTo(gini(xs), 12);
  });

  it('raises the Gini when gains follow holdings and luck compounds (the Matthew run)', () => {
    const run = runRounds(xs, { growth: 0.1, share: 0, rule: 'equal' }, rounds);
    expect(run.at(-1)!).toBeGreaterThan(run[0]! + 0.05);
  });

  it('lowers the Gini with either sharing rule, from the same start and the same luck', () => {
    for (const rule of ['equal', 'progressive'] as const) {
      const run = runRounds(xs, { growth: 0.1, share: 0.3, rule }, rounds);
      expect(run.at(-1)!, rule).toBeLessThan(run[0]! - 0.05);
    }
  });

  it('is deterministic: the same seed gives the same run', () => {
    const round = { growth: 0.1, share: 0, rule: 'equal' } as const;
    expect(runRounds(xs, round, rounds, 5)).toEqual(runRounds(xs, round, rounds, 5));
    expect(runRounds(xs, round, rounds, 5)).not.toEqual(runRounds(xs, round, rounds, 6));
  });
});
