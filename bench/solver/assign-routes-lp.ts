import solver from 'javascript-lp-solver';
import { totalCost } from '../../solver/eval/cost-evaluator.ts';
import type { ProblemInput } from '../../solver/model/problem-input.ts';
import {
  type CostTerms,
  type RouteResult,
  type Solution,
  zeroCostTerms,
} from '../../solver/model/solution.ts';
import { schedulePlan } from '../../solver/schedule-plan.ts';
import { validate } from '../../solver/validate/validate.ts';

export interface AssignRoutesLpOptions {
  /** Budget handed to javascript-lp-solver's branch and bound (its own clock). */
  timeoutMs?: number;
}

export interface AssignRoutesLpResult {
  /** The re-assigned plan, or the input plan when nothing better was found. */
  plan: Solution;
  improved: boolean;
  /** Validated cost of the input plan and of the returned plan. */
  before: number;
  after: number;
}

interface LpSolver {
  Solve(model: unknown): Record<string, unknown>;
}

/**
 * The part of the objective that belongs to one route on one caregiver: travel, lateness,
 * overtime, non-contact visits, fixed cost and known credit. The cross-route terms
 * (maxLateness, distinct caregivers per patient) are left out; the final validation of the
 * whole plan prices them and rejects a re-assignment that does not pay.
 */
function routeCost(input: ProblemInput, t: CostTerms): number {
  return totalCost(input.weights, {
    ...t,
    maxLateness: 0,
    distinctCaregivers: 0,
    distinctOverCap: 0,
    unassignedPenalty: 0,
  });
}

function visitsOf(route: RouteResult): number[] {
  const out: number[] = [];
  for (const s of route.stops) if (s.kind === 'visit') out.push(s.visit);
  return out;
}

function planWith(input: ProblemInput, byCaregiver: (k: number) => number[]): Solution {
  const placed = new Uint8Array(input.visits.length);
  const routes: RouteResult[] = input.caregivers.map((_, k) => {
    const seq = byCaregiver(k);
    for (const v of seq) placed[v] = 1;
    return {
      caregiver: k,
      stops: seq.map((v) => ({ kind: 'visit' as const, visit: v, start: 0 })),
      departure: 0,
      arrival: 0,
    };
  });
  const unassigned: Solution['unassigned'] = [];
  for (let v = 0; v < placed.length; v++) {
    if (!placed[v]) unassigned.push({ visit: v, reason: 'not_worth_it' });
  }
  return { routes, unassigned, cost: 0, terms: zeroCostTerms() };
}

function sameSequence(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Cost of caregiver k driving `seq` alone, or null when that breaks a hard rule. */
function pairCost(input: ProblemInput, k: number, seq: number[]): number | null {
  const trial = schedulePlan(
    input,
    planWith(input, (c) => (c === k ? seq : [])),
  );
  const route = trial.routes.find((r) => r.caregiver === k);
  if (!route || !sameSequence(visitsOf(route), seq)) return null;
  const check = validate(input, trial);
  return check.valid ? routeCost(input, check.terms) : null;
}

function assignedCount(plan: Solution): number {
  let n = 0;
  for (const r of plan.routes) n += visitsOf(r).length;
  return n;
}

/**
 * Post-optimisation: keeps every route's visit sequence but re-assigns whole routes to
 * caregivers by an exact assignment model (binary x_rk, each route on exactly one
 * caregiver, each caregiver at most one route, minimum route cost), solved with
 * javascript-lp-solver. Pays when continuity (contact caregivers, known credit) or
 * caregiver-specific costs differ between caregivers with similar shifts. Routes with a
 * sync visit stay on their caregiver. The result is re-timed, validated and only returned
 * when valid and no dearer than the input; otherwise the input plan comes back.
 */
export function assignRoutesByLp(
  input: ProblemInput,
  plan: Solution,
  opts: AssignRoutesLpOptions = {},
): AssignRoutesLpResult {
  const start = validate(input, plan, { checkReportedCost: false });
  const before = start.cost;
  const keep: AssignRoutesLpResult = { plan, improved: false, before, after: before };
  if (!start.valid) return keep;

  const K = input.caregivers.length;
  const syncVisit = new Uint8Array(input.visits.length);
  for (const s of input.syncs) {
    syncVisit[s.first] = 1;
    syncVisit[s.second] = 1;
  }
  const fixed = new Map<number, number[]>(); // caregiver → sequence kept as it is
  const free: { owner: number; seq: number[] }[] = [];
  for (const r of plan.routes) {
    const seq = visitsOf(r);
    if (seq.length === 0) continue;
    if (seq.some((v) => syncVisit[v])) fixed.set(r.caregiver, seq);
    else free.push({ owner: r.caregiver, seq });
  }
  if (free.length === 0) return keep;

  const constraints: Record<string, { equal?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  const pairs: { name: string; r: number; k: number }[] = [];
  for (let r = 0; r < free.length; r++) {
    constraints[`r${r}`] = { equal: 1 };
    for (let k = 0; k < K; k++) {
      if (fixed.has(k)) continue;
      const cost = pairCost(input, k, free[r].seq);
      if (cost === null) {
        if (k === free[r].owner) return keep; // the route does not stand alone: leave it
        continue;
      }
      const name = `x_${r}_${k}`;
      constraints[`k${k}`] = { max: 1 };
      variables[name] = { cost, [`r${r}`]: 1, [`k${k}`]: 1 };
      ints[name] = 1;
      pairs.push({ name, r, k });
    }
  }
  if (pairs.length === free.length) return keep; // every route has only its own caregiver

  const model = {
    optimize: 'cost',
    opType: 'min',
    constraints,
    variables,
    ints,
    options: { tolerance: 0, timeout: opts.timeoutMs ?? 1000, nodeSelection: 'depth-first' },
  };
  const result = (solver as unknown as LpSolver).Solve(model);
  if (result.feasible !== true || result.isIntegral !== true) return keep;

  const routeOf = new Map<number, number[]>(fixed);
  const placedRoutes = new Uint8Array(free.length);
  for (const p of pairs) {
    const x = result[p.name];
    if (typeof x !== 'number' || x < 0.5) continue;
    if (placedRoutes[p.r] || routeOf.has(p.k)) return keep;
    placedRoutes[p.r] = 1;
    routeOf.set(p.k, free[p.r].seq);
  }
  if (!placedRoutes.every((b) => b === 1)) return keep;

  const next = schedulePlan(
    input,
    planWith(input, (k) => routeOf.get(k) ?? []),
  );
  if (assignedCount(next) !== assignedCount(plan)) return keep;
  const check = validate(input, next);
  if (!check.valid || check.cost > before) return keep;
  if (check.cost === before) return keep;
  return { plan: next, improved: true, before, after: check.cost };
}
