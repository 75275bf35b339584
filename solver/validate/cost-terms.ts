import type { ProblemInput, Weights } from '../model/problem-input.ts';
import type { CostTerms, Solution } from '../model/solution.ts';
import type { Placement } from './placement.ts';

/**
 * Every objective term from scratch, as the comment in solution.ts defines them.
 * `arrivals[k]` is the replayed arrival of route k (overtime is priced on it, not on what
 * the plan claims).
 */
export function costTerms(
  input: ProblemInput,
  solution: Solution,
  placed: (Placement | undefined)[],
  arrivals: number[],
): CostTerms {
  const t: CostTerms = {
    travelTime: 0,
    distance: 0,
    lateness: 0,
    maxLateness: 0,
    overtime: 0,
    nonContact: 0,
    distinctCaregivers: 0,
    distinctOverCap: 0,
    fixedCost: 0,
    unassignedPenalty: 0,
    knownCredit: 0,
    usedCaregivers: 0,
  };
  solution.routes.forEach((route, r) => {
    const cg = input.caregivers[r];
    const path = route.stops.flatMap((s) =>
      s.kind === 'visit' && input.visits[s.visit] ? [input.visits[s.visit].location] : [],
    );
    if (!cg || path.length === 0) return;
    const profile = input.profiles[cg.profile];
    if (!profile) return;
    const stops = [cg.startLocation, ...path, cg.endLocation];
    for (let i = 1; i < stops.length; i++) {
      const cell = stops[i - 1] * input.locations + stops[i];
      t.travelTime += profile.durations[cell];
      t.distance += profile.distances[cell];
    }
    t.usedCaregivers++;
    t.fixedCost += cg.fixedCost;
    t.overtime += Math.max(0, arrivals[r] - cg.shiftEnd);
  });

  const distinct = input.patients.map(() => new Set<number>());
  placed.forEach((p, v) => {
    if (!p) return;
    const visit = input.visits[v];
    if (!visit.latestHard) {
      const late = Math.max(0, p.start - visit.latest);
      t.lateness += late;
      t.maxLateness = Math.max(t.maxLateness, late);
    }
    const patient = input.patients[visit.patient];
    if (!patient) return;
    distinct[visit.patient].add(p.caregiver);
    if (patient.contact >= 0 && patient.contact !== p.caregiver) t.nonContact++;
    for (const known of patient.known)
      if (known.caregiver === p.caregiver) t.knownCredit += known.weight;
  });
  distinct.forEach((set, i) => {
    t.distinctCaregivers += Math.max(0, set.size - 1);
    const cap = input.patients[i].maxDistinct;
    if (cap > 0) t.distinctOverCap += Math.max(0, set.size - cap);
  });

  const counted = new Set<number>();
  for (const u of solution.unassigned) {
    const visit = input.visits[u.visit];
    // A visit both placed and unassigned is a violation already; price it once, as placed.
    if (!visit || placed[u.visit] || counted.has(u.visit)) continue;
    counted.add(u.visit);
    t.unassignedPenalty += visit.unassignedPenalty;
  }
  return t;
}

/** The weighted sum, exactly as solution.ts spells it. */
export function weightedCost(w: Weights, t: CostTerms): number {
  return (
    w.travelTime * t.travelTime +
    w.distance * t.distance +
    w.lateness * t.lateness +
    w.maxLateness * t.maxLateness +
    w.overtime * t.overtime +
    w.nonContact * t.nonContact +
    w.distinctCaregiver * t.distinctCaregivers +
    w.distinctOverCap * t.distinctOverCap +
    w.fixedCost * t.fixedCost +
    t.unassignedPenalty -
    t.knownCredit
  );
}
