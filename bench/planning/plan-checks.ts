import type { ProblemInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import { rankInsertions } from '../../solver/insertion/rank-insertions.ts';
import { solve } from '../../solver/solve.ts';
import { validate } from '../../solver/validate/validate.ts';

/** A two-person visit's halves are `id#1` and `id#2` in the solver. */
const baseId = (id: string) => id.replace(/#[12]$/, '');

export interface PlanFigures {
  valid: boolean;
  violations: string[];
  cost: number;
  travelSeconds: number;
  latenessSeconds: number;
  overtimeSeconds: number;
  /** Solver visits (two-person halves count one each) left out, open visits only. */
  unassignedSolverVisits: number;
  continuity: Continuity;
}

export interface Continuity {
  /** Patients with a visit placed in the day. */
  patients: number;
  /** Mean distinct caregivers per patient over the 14 days before and the day. */
  distinctWithHistory: number;
  /** Mean distinct caregivers per patient in the day alone. */
  distinctInDay: number;
  /** Placed caregiver-visits by someone the patient had not met in the 14 days. */
  newCaregiverVisits: number;
  /** Of the placed caregiver-visits of patients whose contact works that day, by the contact. */
  contactShare: number;
  contactVisits: number;
}

export interface DayContext {
  /** Solver caregiver id (a shift) → staff id. */
  staffOfShift: Map<string, string>;
  /** Patient id → staff ids who visited in the 14 days before (done or planned). */
  history: Map<string, Set<string>>;
  /** Patient id → contact staff id. */
  contactOf: Map<string, string | null>;
}

/** Validates a plan with the solver's independent validator and measures it. */
export function planFigures(input: ProblemInput, s: Solution, day: DayContext): PlanFigures {
  const v = validate(input, s);
  const sc = input.scale;
  const open = (i: number) => !input.visits[i].id.startsWith('fixed:');
  return {
    valid: v.valid,
    violations: v.violations.slice(0, 10),
    cost: v.cost,
    travelSeconds: Math.round(v.terms.travelTime / sc),
    latenessSeconds: Math.round(v.terms.lateness / sc),
    overtimeSeconds: Math.round(v.terms.overtime / sc),
    unassignedSolverVisits: s.unassigned.filter((u) => open(u.visit)).length,
    continuity: continuity(input, s, day),
  };
}

function continuity(input: ProblemInput, s: Solution, day: DayContext): Continuity {
  const inDay = new Map<string, Set<string>>();
  let newVisits = 0;
  let contactVisits = 0;
  let byContact = 0;
  const working = new Set(day.staffOfShift.values());
  for (const r of s.routes) {
    const who = day.staffOfShift.get(input.caregivers[r.caregiver].id)!;
    for (const stop of r.stops) {
      if (stop.kind !== 'visit') continue;
      const v = input.visits[stop.visit];
      if (v.id.startsWith('fixed:')) continue;
      const patient = input.patients[v.patient].id;
      const set = inDay.get(patient) ?? new Set();
      set.add(who);
      inDay.set(patient, set);
      if (!day.history.get(patient)?.has(who)) newVisits++;
      const contact = day.contactOf.get(patient);
      if (contact && working.has(contact)) {
        contactVisits++;
        if (contact === who) byContact++;
      }
    }
  }
  let withHistory = 0;
  let alone = 0;
  for (const [patient, set] of inDay) {
    alone += set.size;
    withHistory += new Set([...set, ...(day.history.get(patient) ?? [])]).size;
  }
  const n = Math.max(1, inDay.size);
  return {
    patients: inDay.size,
    distinctWithHistory: withHistory / n,
    distinctInDay: alone / n,
    newCaregiverVisits: newVisits,
    contactShare: contactVisits ? byContact / contactVisits : 0,
    contactVisits,
  };
}

export interface Placeable {
  /** Unplaced one-person visits with a feasible place in some route of the final plan. */
  single: number;
  singleUnplaced: number;
  /** Unplaced two-person visits whose halves each have a feasible place with two different caregivers (sync not checked: an upper bound). */
  pairs: number;
  pairsUnplaced: number;
  examples: { visit: string; caregiver: string; start: number }[];
  /** Of the placeable one-person visits: placed on time (no lateness added anywhere). */
  onTime: number;
  /** Their cheapest place's lateness added (seconds, the route's other visits included): median, max. */
  addedLateness: { median: number; max: number };
  /** Cheapest place's cost change above the visit's unassigned penalty (what "not worth it" means). */
  dearerThanLeavingOut: number;
  ms: number;
}

/**
 * For every visit the plan leaves out: is there a caregiver whose route could take it? The
 * solver's own live insertion (`rankInsertions`, hard rules refused) on the final plan.
 */
export function placeableLeftOut(input: ProblemInput, s: Solution): Placeable {
  const t = performance.now();
  const halves = new Map<string, number[]>();
  for (const u of s.unassigned) {
    const id = input.visits[u.visit].id;
    if (id.startsWith('fixed:')) continue;
    halves.set(baseId(id), [...(halves.get(baseId(id)) ?? []), u.visit]);
  }
  const out: Placeable = {
    single: 0,
    singleUnplaced: 0,
    pairs: 0,
    pairsUnplaced: 0,
    examples: [],
    onTime: 0,
    addedLateness: { median: 0, max: 0 },
    dearerThanLeavingOut: 0,
    ms: 0,
  };
  const late: number[] = [];
  for (const [id, idx] of halves) {
    if (idx.length === 1 && !input.visits[idx[0]].id.includes('#')) {
      out.singleUnplaced++;
      const [best] = rankInsertions(input, s, idx[0], 1);
      if (best) {
        out.single++;
        late.push(best.addedLateness / input.scale);
        if (best.addedLateness === 0) out.onTime++;
        if (best.deltaCost > input.visits[idx[0]].unassignedPenalty) out.dearerThanLeavingOut++;
        if (out.examples.length < 5)
          out.examples.push({
            visit: id,
            caregiver: input.caregivers[best.caregiver].id,
            start: best.start,
          });
      }
      continue;
    }
    out.pairsUnplaced++;
    const a = rankInsertions(input, s, idx[0], 30).map((x) => x.caregiver);
    const b =
      idx[1] === undefined ? [] : rankInsertions(input, s, idx[1], 30).map((x) => x.caregiver);
    if (a.some((x) => b.some((y) => y !== x))) out.pairs++;
  }
  late.sort((a, b) => a - b);
  out.addedLateness = {
    median: Math.round(late[Math.floor(late.length / 2)] ?? 0),
    max: Math.round(late[late.length - 1] ?? 0),
  };
  out.ms = Math.round(performance.now() - t);
  return out;
}

/** Cheapest insertion alone: the solver's construction, no local search or ruin-and-recreate. */
export function cheapestInsertion(
  input: ProblemInput,
  seed: number,
): { solution: Solution; ms: number } {
  const t = performance.now();
  const solution = solve(input, {
    seed,
    timeLimitMs: 3_600_000,
    clock: () => performance.now(),
    maxIterations: 0,
    params: { initialLocalSearch: false },
  });
  return { solution, ms: Math.round(performance.now() - t) };
}
