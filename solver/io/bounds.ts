/**
 * Large-but-safe constants for benchmark instances. "Mandatory" and "vehicles first" are
 * expressed as weights, so they must dominate every other term yet keep the total cost an
 * exact integer (below 2^53).
 */

/** Smallest power of ten strictly above `x`. */
export function powerOfTenAbove(x: number): number {
  let p = 1;
  while (p <= x) p *= 10;
  return p;
}

/**
 * Upper bound on the travel of any plan: each location is left at most once per route
 * that passes it, so Σ of each row's maximum, plus the start rows once per vehicle.
 */
export function travelUpperBound(
  matrix: ArrayLike<number>,
  locations: number,
  starts: number[],
): number {
  const rowMax = new Array<number>(locations).fill(0);
  for (let i = 0; i < locations; i++) {
    for (let j = 0; j < locations; j++) rowMax[i] = Math.max(rowMax[i], matrix[i * locations + j]);
  }
  let bound = rowMax.reduce((a, b) => a + b, 0);
  for (const s of starts) bound += rowMax[s];
  return bound;
}

export function assertSafeTotal(source: string, total: number): void {
  if (!Number.isSafeInteger(total)) {
    throw new Error(`${source}: cost scale too large for exact integers (${total} ≥ 2^53)`);
  }
}
