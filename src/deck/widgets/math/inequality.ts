/**
 * The model behind 做大、做优、分好“蛋糕”: households, the Gini coefficient, the Lorenz curve, and rounds of
 * growth whose gains go to those who already hold (马太效应) or are partly shared. Pure and seeded, so a
 * class sees the same run and the tests pin the numbers.
 */

/** A seeded generator of numbers in [0, 1) (mulberry32: tiny, fast, good enough for teaching). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal number from two uniform ones (Box–Muller). */
function normal(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]: the logarithm stays finite
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The seed a widget uses when its `seed` attribute is absent. */
export const DEFAULT_SEED = 1;

/**
 * `n` household incomes (万元 a year, one decimal), log-normal around a median of 6 with a spread
 * that gives a Gini near 0.35, sorted from poorest to richest. Same seed, same incomes.
 */
export function initialIncomes(seed: number = DEFAULT_SEED, n = 20): number[] {
  const rand = mulberry32(seed);
  const incomes: number[] = [];
  for (let i = 0; i < n; i++) incomes.push(Math.max(0.5, Math.round(60 * Math.exp(0.7 * normal(rand))) / 10));
  return incomes.sort((x, y) => x - y);
}

/** Sum of the numbers. */
function total(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

/**
 * The Gini coefficient G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄): 0 when all hold the same, (n−1)/n when one
 * holds everything. Computed from the sorted incomes in O(n log n); 0 for an empty or all-zero list.
 */
export function gini(incomes: readonly number[]): number {
  const n = incomes.length;
  const sum = total(incomes);
  if (n === 0 || sum <= 0) return 0;
  const sorted = [...incomes].sort((x, y) => x - y);
  // Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n − 1)·x₍ᵢ₎ for the sorted x, i = 1…n.
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (2 * (i + 1) - n - 1) * x));
  return weighted / (n * sum);
}

/** One point of a Lorenz curve: the poorest share `p` of households hold the share `l` of income. */
export interface LorenzPoint {
  p: number;
  l: number;
}

/** The Lorenz curve: n + 1 points from (0, 0) to (1, 1), households sorted from poorest. */
export function lorenz(incomes: readonly number[]): LorenzPoint[] {
  const n = incomes.length;
  const sum = total(incomes);
  const sorted = [...incomes].sort((x, y) => x - y);
  const points: LorenzPoint[] = [{ p: 0, l: 0 }];
  let running = 0;
  sorted.forEach((x, i) => {
    running += x;
    points.push({ p: (i + 1) / n, l: sum > 0 ? running / sum : (i + 1) / n });
  });
  return points;
}

/** How the shared part of a round's gains is handed out. */
export type SharingRule = 'equal' | 'progressive';

/** One round: how much the cake grows and how much of the growth is shared. */
export interface Round {
  /** Growth of the whole cake in the round, as a share of it (0.1 = the cake grows by 10 %). */
  growth: number;
  /** Share of the round's gains pooled and handed out by `rule` (0: every gain stays with its holder). */
  share: number;
  /** `equal`: the same amount to each; `progressive`: more to those further below the richest. */
  rule: SharingRule;
}

/**
 * One round of growth. The cake grows by `growth`; each household's gain is proportional to what it
 * already holds (times its `luck`, 1 if absent), so without sharing relative shares move only by luck.
 * A part `share` of all gains is pooled: `equal` gives each the same, `progressive` gives in
 * proportion to the gap to the richest (filling the gaps first, the rest equally), so ranks are kept.
 */
export function growRound(incomes: readonly number[], round: Round, luck?: readonly number[]): number[] {
  const n = incomes.length;
  if (n === 0) return [];
  const sum = total(incomes);
  const gain = round.growth * sum;
  const stakes = incomes.map((x, i) => x * (luck?.[i] ?? 1));
  const stakeSum = total(stakes);
  const pool = round.share * gain;
  const kept = gain - pool;
  const out = incomes.map((x, i) => x + (stakeSum > 0 ? (kept * stakes[i]!) / stakeSum : kept / n));
  if (round.rule === 'equal') return out.map((x) => x + pool / n);
  const richest = Math.max(...incomes);
  const gaps = incomes.map((x) => richest - x);
  const gapSum = total(gaps);
  const toGaps = Math.min(pool, gapSum);
  const rest = (pool - toGaps) / n;
  return out.map((x, i) => x + (gapSum > 0 ? (toGaps * gaps[i]!) / gapSum : 0) + rest);
}

/** How unequal luck is in a run: the spread (σ of its logarithm) of each round's luck factors. */
export const LUCK_SPREAD = 1;

/**
 * The luck factors of every round of a run: log-normal with mean 1, from a stream of its own
 * (so the same seed gives the same incomes and the same luck).
 */
export function luckFactors(seed: number, n: number, rounds: number, spread = LUCK_SPREAD): number[][] {
  const rand = mulberry32((seed ^ 0x5bd1e995) >>> 0);
  const all: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    const row: number[] = [];
    for (let i = 0; i < n; i++) row.push(Math.exp(spread * normal(rand) - (spread * spread) / 2));
    all.push(row);
  }
  return all;
}

/**
 * Repeats `round` `rounds` times from `initial`, with the seeded luck of each round, and returns
 * the Gini coefficient before the first round and after each (rounds + 1 numbers).
 * With `share: 0` it is the Matthew run: gains follow holdings, and luck compounds.
 */
export function runRounds(initial: readonly number[], round: Round, rounds: number, seed: number = DEFAULT_SEED): number[] {
  const luck = luckFactors(seed, initial.length, rounds);
  const ginis = [gini(initial)];
  let incomes = [...initial];
  for (const factors of luck) {
    incomes = growRound(incomes, round, factors);
    ginis.push(gini(incomes));
  }
  return ginis;
}
