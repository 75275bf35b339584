import type { JobSolve } from '../../../../server/planning/jobs/run-job.ts';
import type { SolveFn } from '../../../../server/solver-bridge/solve-rows.ts';
import { solve } from '../../../../solver/solve.ts';

/**
 * The solver in this thread, a short deterministic run, for tests of planning jobs and their
 * routes (the worker pool is tested elsewhere). `cancel` stops it at its next iteration.
 */
export const inProcessSolve: JobSolve = (input, o) => {
  let stop = false;
  return {
    result: Promise.resolve().then(() =>
      solve(input, {
        seed: o.seed,
        timeLimitMs: o.timeLimitMs,
        maxIterations: 100,
        clock: () => performance.now(),
        shouldStop: () => stop,
        onProgress: o.onProgress,
      }),
    ),
    cancel: () => {
      stop = true;
    },
  };
};

/** The same for repairs and suggestions (a plain solve, warm start and all), 200 iterations. */
export const inProcessRepairSolve: SolveFn = async (input, o) =>
  solve(input, { ...o, clock: () => performance.now(), maxIterations: 200 });
