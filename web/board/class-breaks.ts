/**
 * Classes for the county map: the municipalities' values split into at most five classes of
 * about equal count (quantiles), each class a range whose bounds are actual values, so the
 * legend reads "12–14" and every municipality falls into exactly one class.
 */
export interface ValueClass {
  /** 0-based, from the lowest values. */
  index: number;
  /** Lowest and highest value in the class (both present in the data). */
  from: number;
  to: number;
  count: number;
}

/**
 * Quantile classes of the present values (nulls are left out: "no figure"). Equal values
 * never straddle two classes, so there may be fewer classes than asked (one value: one class).
 */
export function quantileClasses(values: readonly (number | null)[], most = 5): ValueClass[] {
  const sorted = values
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const k = Math.max(1, Math.min(most, new Set(sorted).size));
  const out: ValueClass[] = [];
  let start = 0;
  for (let c = 0; c < k && start < sorted.length; c++) {
    let end = Math.max(start + 1, Math.round(((c + 1) * sorted.length) / k));
    if (c === k - 1) end = sorted.length;
    // Keep ties together: move the cut past every copy of the class's last value.
    while (end < sorted.length && sorted[end] === sorted[end - 1]) end++;
    out.push({ index: out.length, from: sorted[start]!, to: sorted[end - 1]!, count: end - start });
    start = end;
  }
  return out;
}

/** The class a value falls in, or null for no value. */
export function classOf(value: number | null, classes: readonly ValueClass[]): number | null {
  if (value === null || classes.length === 0) return null;
  for (const c of classes) if (value <= c.to) return c.index;
  return classes.at(-1)!.index;
}
