/**
 * The three kinds of growth of the 幂数效应 slides, as plain numbers: no DOM, so they are tested
 * in Node and the chart only draws what these functions say.
 */

/** Linear growth `a + b·t`: the same amount `b` is added every year. */
export function linear(a: number, b: number, t: number): number {
  return a + b * t;
}

/** The power `t^k`: the exponent is fixed, the base `t` moves. */
export function power(k: number, t: number): number {
  return t ** k;
}

/** Compound (exponential) growth `a·(1+r)^t`: the same share `r` is added every year. */
export function compound(a: number, r: number, t: number): number {
  return a * (1 + r) ** t;
}

/** One point of a curve. */
export interface Point {
  t: number;
  y: number;
}

/** `f` sampled at `steps + 1` evenly spaced times from `from` to `to` (both included). */
export function series(f: (t: number) => number, from: number, to: number, steps = 200): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = from + ((to - from) * i) / steps;
    points.push({ t, y: f(t) });
  }
  return points;
}

/** Years for `a(1+r)^t` to double: `ln 2 / ln(1+r)`. */
export function doublingTime(r: number): number {
  return Math.log(2) / Math.log1p(r);
}

/** Where `a(1+r)^t` overtakes `t^k` for good. */
export interface Crossover {
  /** The real time after which the compound curve stays above the power (1 if it always is). */
  t: number;
  /** The first whole year from which it stays above, year after year. */
  year: number;
  /** True when the compound curve is above the power for every t ≥ 1 (nothing to overtake). */
  always: boolean;
}

/**
 * The last crossing of `a(1+r)^t` over `t^k` for t ≥ 1, or null when r ≤ 0 (no growth never wins).
 * It works on f(t) = ln a + t·ln(1+r) − k·ln t, which is convex with its minimum at t* = k/ln(1+r):
 * past t* f only rises, so the last sign change is found by bisection between t* and a point where f > 0.
 */
export function crossover(k: number, r: number, a = 1): Crossover | null {
  if (!(r > 0) || !(a > 0)) return null;
  const g = Math.log1p(r);
  const f = (t: number): number => Math.log(a) + t * g - k * Math.log(t);
  const lo0 = Math.max(1, k / g);
  // Above at its lowest point on [1, ∞), so above everywhere there.
  if (f(lo0) > 0) return { t: 1, year: 1, always: true };
  let lo = lo0;
  let hi = lo0 * 2;
  while (f(hi) <= 0) hi *= 2;
  // 200 halvings reach the resolution of a double on any interval this can produce.
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) hi = mid;
    else lo = mid;
  }
  // f(hi) > 0 and f rises past hi; the first whole year with f > 0 is ⌈hi⌉ unless f(⌊hi⌋) > 0 already.
  let year = Math.ceil(hi);
  if (year - 1 >= lo0 && f(year - 1) > 0) year -= 1;
  return { t: hi, year, always: false };
}

/**
 * What the paper claims of 新动能 is not that growth compounds (any steady growth does) but that it
 * grows faster: the rate itself rises, r → r + Δr. These compare the two paths from the same start.
 */

/** The gap `a(1+r+Δr)^t − a(1+r)^t` between the faster and the original path after t years. */
export function rateGap(a: number, r: number, dr: number, t: number): number {
  return compound(a, r + dr, t) - compound(a, r, t);
}

/**
 * How many times the original level the faster path is after t years: `((1+r+Δr)/(1+r))^t`, itself
 * a geometric sequence in t, of common ratio `1 + Δr/(1+r)` (1.06/1.05 ≈ 1.0095 a year).
 */
export function rateRatio(r: number, dr: number, t: number): number {
  return ((1 + r + dr) / (1 + r)) ** t;
}

/**
 * The gap's own growth factor from year t to t+1, `D(t+1)/D(t)`. Since
 * D(t+1) = (1+r+Δr)·D(t) + Δr·a(1+r)^t, it is above 1 + r + Δr for every t ≥ 1 (Δr > 0): the gap
 * grows faster than either path, at least geometrically.
 */
export function gapGrowth(a: number, r: number, dr: number, t: number): number {
  return rateGap(a, r, dr, t + 1) / rateGap(a, r, dr, t);
}
