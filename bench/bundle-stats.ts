/** The q-quantile (0..1) of a sample, nearest rank: the bench reports medians, p90s and maxima with it. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) throw new Error('quantile of an empty sample');
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
