import type { ProblemData } from '../../problem/problem-data.ts';
import type { Rng } from '../../util/rng.ts';

/**
 * SISR's recreate orders: random, by demand, far from the depot first, and by closing
 * time; chosen at random each time so the recreate does not always build the same way.
 */
export function sortForInsertion(d: ProblemData, visits: number[], rng: Rng): number[] {
  const r = rng.next();
  rng.shuffle(visits);
  if (r < 0.4) return visits;
  const home = d.startLoc[0] ?? 0;
  const tm = d.travel[d.profile[0] ?? 0];
  if (r < 0.6) return visits.sort((a, b) => d.demand[b] - d.demand[a]);
  if (r < 0.8) {
    return visits.sort((a, b) => tm[home * d.L + d.loc[b]] - tm[home * d.L + d.loc[a]]);
  }
  return visits.sort((a, b) => d.latest[a] - d.latest[b]);
}
