/** A figure over several runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Median (the mean of the middle two for an even count), min and max, rounded to `digits`. */
export function spread(values: readonly number[], digits = 0): Spread {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (n: number): number => Number(n.toFixed(digits));
  return { median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!) };
}

/** Bytes as kilobytes (1 KB = 1000 bytes, as the budgets are written), one decimal. */
export function kb(bytes: number): number {
  return Number((bytes / 1000).toFixed(1));
}

/** The index of the run whose value is the median (the lower middle for an even count). */
export function medianIndex(values: readonly number[]): number {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  return order[(order.length - 1) >> 1]![1];
}
