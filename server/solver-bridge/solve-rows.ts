import type { ProblemInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import { solve } from '../../solver/solve.ts';
import { buildProblem } from './build-problem.ts';
import { currentSolution, type PlanAssignments, toAssignments } from './plan-mapping.ts';
import type { BuildOptions, PatientRow, StaffRow, VisitRow } from './problem-rows.ts';
import { runSolveInWorker } from './run-in-worker.ts';
import { type UsualCaregivers, usualStart } from './usual-start.ts';

/** A solver run: in this thread, in a worker, or a test's stand-in. */
export type SolveFn = (
  input: ProblemInput,
  options: {
    seed: number;
    timeLimitMs: number;
    /** Warm start: the plan as it stands. */
    initial?: Solution;
    /** Solver visit indices placed before any other (see SolveOptions.insertFirst). */
    insertFirst?: number[];
  },
) => Solution | Promise<Solution>;

/** Blocks this thread for the time limit: for the seed and start-up, before the server listens. */
export const solveInThisThread: SolveFn = (input, o) =>
  solve(input, { ...o, clock: () => performance.now() });

/** Solves off the main thread (the spare worker when there is one): a serving process. */
export const solveInWorker: SolveFn = (input, o) => runSolveInWorker(input, o).result;

/** Database rows of a problem, as the loaders of a day or a repair read them. */
export interface ProblemRows {
  staff: readonly StaffRow[];
  visits: readonly VisitRow[];
  patients: readonly PatientRow[];
}

export interface PlanRowsOptions extends BuildOptions {
  seed: number;
  /** Milliseconds; a function is asked once the problem is built (a repair's box shrinks). */
  timeLimitMs: number | (() => number);
  /** Start from the rows' current assignments (repair) rather than from nothing. */
  warmStart?: boolean;
  /** Visit ids placed first in a warm start (those a sick caregiver left). */
  placeFirst?: readonly string[];
  /** Start from the usual caregivers of the open visits (usual-start.ts): continuity. */
  usual?: { caregivers: UsualCaregivers; staffOfShift: ReadonlyMap<string, string> };
  solve?: SolveFn;
}

export interface RowsPlan extends PlanAssignments {
  /** Travel of the solved routes, in seconds. */
  travelSeconds: number;
  /** Time spent in the solver, wall clock. */
  solveMs: number;
  /** Open visits the warm start gave their usual caregiver (before the solver's changes). */
  usualStarted: number;
}

/**
 * The one way from rows to a plan: rows → solver input → solve → visit ids, caregivers
 * and start instants. Planning a day and repairing after a sick call both come through here.
 */
export async function planRows(rows: ProblemRows, options: PlanRowsOptions): Promise<RowsPlan> {
  const built = buildProblem(rows.staff, rows.visits, rows.patients, options);
  const usual = options.usual
    ? usualStart(built, rows, options.usual.caregivers, options.usual.staffOfShift)
    : undefined;
  const initial = usual
    ? usual.initial
    : options.warmStart
      ? currentSolution(built, rows.visits)
      : undefined;
  const insertFirst = [
    ...(options.placeFirst ?? []).flatMap((id) => built.visitIndices.get(id) ?? []),
    ...(usual?.insertFirst ?? []),
  ];
  const timeLimitMs =
    typeof options.timeLimitMs === 'function' ? options.timeLimitMs() : options.timeLimitMs;
  const started = performance.now();
  const solution = await (options.solve ?? solveInThisThread)(built.input, {
    seed: options.seed,
    timeLimitMs,
    ...(initial ? { initial, insertFirst } : {}),
  });
  return {
    ...toAssignments(built, solution),
    travelSeconds: Math.round(solution.terms.travelTime / built.input.scale),
    solveMs: Math.round(performance.now() - started),
    usualStarted: usual?.kept ?? 0,
  };
}
