/** Median, mean and maximum of a list of figures (all 0 for an empty list). */
export interface Spread {
  median: number;
  mean: number;
  max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { median: 0, mean: 0, max: 0 };
  return { median: median(values), mean: round2(mean(values)), max: Math.max(...values) };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : round2((s[mid - 1] + s[mid]) / 2);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Standard deviation over mean (population); null when the mean is 0. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const m = mean(values);
  if (values.length === 0 || m === 0) return null;
  const variance = mean(values.map((v) => (v - m) ** 2));
  return round2(Math.sqrt(variance) / m);
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
