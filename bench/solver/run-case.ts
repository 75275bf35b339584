import { loadInstance } from '../cli/load-instance.ts';
import { buildReport } from '../cli/report.ts';
import { solve } from '../../solver/solve.ts';
import { validate } from '../../solver/validate/validate.ts';
import type { BenchCase } from './suites.ts';

export interface CaseResult {
  suite: string;
  instance: string;
  objective: string;
  cost: number;
  distance: number;
  vehicles: number;
  bestKnown: number | null;
  bestVehicles: number | null;
  /** (cost − best) / best in %, on the objective the suite reports (distance for hierarchical). */
  gapPct: number | null;
  timeLimitSec: number;
  runtimeMs: number;
  seed: number;
  feasible: boolean;
  violations: string[];
}

/** Solve one instance, validate independently, compare with the best-known. */
export function runCase(c: BenchCase, seed: number): CaseResult {
  const loaded = loadInstance(c.file, c.load);
  const started = performance.now();
  const solution = solve(loaded.input, {
    seed,
    timeLimitMs: c.timeLimitSec * 1000,
    clock: () => performance.now(),
  });
  const runtimeMs = performance.now() - started;
  const report = buildReport(loaded, solution, validate(loaded.input, solution), runtimeMs);
  const best = c.bestKnown();
  return {
    suite: c.suite,
    instance: report.instance,
    objective: report.objective,
    cost: report.cost,
    distance: report.distance,
    vehicles: report.vehicles,
    bestKnown: best?.cost ?? null,
    bestVehicles: best?.vehicles ?? null,
    gapPct: best ? Number(((100 * (report.cost - best.cost)) / best.cost).toFixed(2)) : null,
    timeLimitSec: c.timeLimitSec,
    runtimeMs: report.runtimeMs,
    seed,
    feasible: report.feasible,
    violations: report.violations ?? [],
  };
}
