import { describe, expect, it } from 'vitest';
import { formatNumber, superscript } from '../../../src/deck/widgets/chart.ts';
import { compound, crossover, doublingTime, gapGrowth, linear, power, rateGap, rateRatio, series } from '../../../src/deck/widgets/math/growth.ts';

/** f(t) = ln a + t·ln(1+r) − k·ln t: positive exactly where a(1+r)^t is above t^k. */
const f = (k: number, r: number, t: number, a = 1): number => Math.log(a) + t * Math.log1p(r) - k * Math.log(t);

describe('growth: the numbers of the 幂数效应 slides', () => {
  it('reproduces the slides: start 100 at 7 % gives 196.7 after 10 years, 1.967 times', () => {
    expect(compound(100, 0.07, 10)).toBeCloseTo(196.7, 1);
    expect(compound(1, 0.07, 10)).toBeCloseTo(1.967, 3);
  });

  it('reproduces the 30-year comparison: linear 3.1 times, compound 7.61 times', () => {
    expect(linear(1, 0.07, 30)).toBeCloseTo(3.1, 10);
    expect(compound(1, 0.07, 30)).toBeCloseTo(7.61, 2);
  });

  it('adds a fixed amount each year in linear growth (+7 a year from 100)', () => {
    expect(linear(100, 7, 0)).toBe(100);
    expect(linear(100, 7, 10) - linear(100, 7, 9)).toBeCloseTo(7, 10);
  });

  it('keeps the exponent fixed in a power: 148² = 21904', () => {
    expect(power(2, 148)).toBe(21904);
    expect(power(2, 10)).toBeCloseTo(100, 10);
  });

  it('doubles in 10.24 years at 7 %', () => {
    expect(doublingTime(0.07)).toBeCloseTo(10.24, 2);
  });

  it('samples a curve at evenly spaced times, both ends included', () => {
    const points = series((t) => 2 * t, 0, 10, 5);
    expect(points.map((p) => p.t)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(points.at(-1)).toEqual({ t: 10, y: 20 });
  });
});

describe('crossover: where compound growth overtakes a power for good', () => {
  it('finds t² and (1.07)^t cross for the last time between 147 and 148: year 148, as on the slide', () => {
    const c = crossover(2, 0.07)!;
    expect(c.always).toBe(false);
    expect(c.year).toBe(148);
    expect(c.t).toBeGreaterThan(147);
    expect(c.t).toBeLessThan(148);
    expect(f(2, 0.07, c.t - 1e-6)).toBeLessThan(0);
    expect(f(2, 0.07, c.t + 1e-6)).toBeGreaterThan(0);
    // The whole years on both sides, as the slide's numbers: 1.07^148 ≈ 22325 > 21904.
    expect(compound(1, 0.07, 147)).toBeLessThan(power(2, 147));
    expect(compound(1, 0.07, 148)).toBeGreaterThan(power(2, 148));
    expect(compound(1, 0.07, 148)).toBeCloseTo(22325.4, 0);
  });

  it('stays above from the crossover on, and is not fooled by the early crossing near t = 1', () => {
    const c = crossover(2, 0.07)!;
    // Before the power first overtakes, the compound curve is briefly above (f(1) > 0).
    expect(f(2, 0.07, 1)).toBeGreaterThan(0);
    for (let t = c.year; t < c.year + 2000; t += 7) expect(f(2, 0.07, t)).toBeGreaterThan(0);
  });

  it('takes the starting level a into account: 100·(1.07)^t overtakes t² in year 44', () => {
    const c = crossover(2, 0.07, 100)!;
    expect(c.year).toBe(44);
    expect(compound(100, 0.07, 43)).toBeLessThan(power(2, 43));
    expect(compound(100, 0.07, 44)).toBeGreaterThan(power(2, 44));
  });

  it('says "always" when the compound curve never falls below the power (100·1.07^t against t)', () => {
    expect(crossover(1, 0.07, 100)).toEqual({ t: 1, year: 1, always: true });
  });

  it('finds far crossings too: t⁴ against (1.01)^t', () => {
    const c = crossover(4, 0.01)!;
    expect(c.year).toBeGreaterThan(3000);
    expect(f(4, 0.01, c.year)).toBeGreaterThan(0);
    expect(f(4, 0.01, c.year - 1)).toBeLessThan(0);
  });

  it('has no crossover without growth', () => {
    expect(crossover(2, 0)).toBeNull();
    expect(crossover(2, -0.05)).toBeNull();
  });
});

describe('a rise of the growth rate: 5 % → 6 %, the 新动能 slides', () => {
  it('gives the slide\'s table: levels, gap and how much higher after 10, 20 and 30 years', () => {
    const rows = [10, 20, 30].map((t) => ({
      t,
      base: compound(100, 0.05, t).toFixed(1),
      faster: compound(100, 0.06, t).toFixed(1),
      gap: rateGap(100, 0.05, 0.01, t).toFixed(1),
      higher: ((rateRatio(0.05, 0.01, t) - 1) * 100).toFixed(1),
    }));
    expect(rows).toEqual([
      { t: 10, base: '162.9', faster: '179.1', gap: '16.2', higher: '9.9' },
      { t: 20, base: '265.3', faster: '320.7', gap: '55.4', higher: '20.9' },
      { t: 30, base: '432.2', faster: '574.3', gap: '142.2', higher: '32.9' },
    ]);
  });

  it('has a ratio that is a geometric sequence: common ratio 1.06/1.05 ≈ 1.0095', () => {
    expect(rateRatio(0.05, 0.01, 1)).toBeCloseTo(1.0095, 4);
    for (const t of [1, 7, 29]) expect(rateRatio(0.05, 0.01, t + 1) / rateRatio(0.05, 0.01, t)).toBeCloseTo(1.06 / 1.05, 12);
    expect(rateRatio(0.05, 0, 30)).toBe(1);
  });

  it('has a gap that grows faster than either path: D(t+1) = 1.06·D(t) + 0.01·100·1.05^t > 1.06·D(t)', () => {
    for (let t = 1; t <= 200; t++) {
      const identity = 1.06 * rateGap(100, 0.05, 0.01, t) + 0.01 * compound(100, 0.05, t);
      expect(rateGap(100, 0.05, 0.01, t + 1)).toBeCloseTo(identity, 6);
      expect(gapGrowth(100, 0.05, 0.01, t)).toBeGreaterThan(1.06);
    }
    // And it tends to the faster path's own factor.
    expect(gapGrowth(100, 0.05, 0.01, 2000)).toBeCloseTo(1.06, 2);
  });

  it('doubles in 14.21 years at 5 % and 11.90 years at 6 %', () => {
    expect(doublingTime(0.05)).toBeCloseTo(14.21, 2);
    expect(doublingTime(0.06)).toBeCloseTo(11.9, 2);
  });

  it('is the level itself when the rate does not rise: no gap', () => {
    expect(rateGap(100, 0.05, 0, 30)).toBe(0);
  });
});

describe('the power and the exponential for small t (the 幂与指数 slide)', () => {
  it('has 1.07^t above t² at t = 1, t² ahead from about t = 1.04 to 148, 1.07^t ahead for good from 148', () => {
    expect(compound(1, 0.07, 1)).toBeGreaterThan(power(2, 1));
    expect(f(2, 0.07, 1.03)).toBeGreaterThan(0);
    expect(f(2, 0.07, 1.05)).toBeLessThan(0);
    expect(power(2, 10)).toBeGreaterThan(compound(1, 0.07, 10) * 50);
    expect(crossover(2, 0.07)!.year).toBe(148);
  });
});

describe('numbers as the charts write them (chart.ts, words from UI.widgets.chart)', () => {
  it('writes four significant figures at most, in 万, 亿 and 万亿 when large, powers of ten beyond', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.0712)).toBe('0.0712');
    expect(formatNumber(761.22)).toBe('761.2');
    expect(formatNumber(432.19)).toBe('432.2');
    expect(formatNumber(3000)).toBe('3000');
    expect(formatNumber(22_330)).toBe('2.233万');
    expect(formatNumber(7.5e8)).toBe('7.5亿');
    expect(formatNumber(1.2e12)).toBe('1.2万亿');
    expect(formatNumber(6.4e19)).toBe('6.4×10^19');
  });

  it('writes exponents 1–4 as superscript digits, others as ^k (the deck font has only ¹²³⁴)', () => {
    expect([1, 2, 3, 4].map(superscript).join('')).toBe('¹²³⁴');
    expect(superscript(0.5)).toBe('^0.5');
    expect(superscript(5)).toBe('^5');
  });
});
