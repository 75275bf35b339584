import type { Solution } from '../model/solution.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import type { SearchSolution } from './search-solution.ts';
import { dropIncompleteSyncGroups } from './sync-group.ts';

/**
 * Warm start: copies the routes of a plain Solution into the search solution, keeping
 * each visit's caregiver and order. Stops that no longer make sense (unknown visit, a
 * caregiver now not allowed, a duplicate) are dropped; the search re-inserts them.
 */
export function loadSolution(d: ProblemData, sol: SearchSolution, plan: Solution): void {
  const placed = new Uint8Array(d.N);
  for (const route of plan.routes) {
    const k = route.caregiver;
    if (!Number.isInteger(k) || k < 0 || k >= d.K) continue;
    const visits: number[] = [];
    for (const s of route.stops) {
      if (s.kind !== 'visit') continue;
      const v = s.visit;
      if (!Number.isInteger(v) || v < 0 || v >= d.N || placed[v] || !d.allowed[v * d.K + k])
        continue;
      placed[v] = 1;
      visits.push(v);
    }
    sol.setVisits(k, visits);
  }
  sol.commit();
  // Sync groups must be whole: drop those only partly planned; the search re-inserts them.
  dropIncompleteSyncGroups({ d, sol });
}
