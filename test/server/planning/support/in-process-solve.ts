import type { JobSolve } from '../../../../server/planning/jobs/run-job.ts';
import { solve } from '../../../../solver/solve.ts';

/** The solver in this thread, a short deterministic run (for tests of the planning routes). */
export const inProcessSolve: JobSolve = (input, o) => ({
  result: Promise.resolve().then(() =>
    solve(input, {
      seed: o.seed,
      timeLimitMs: o.timeLimitMs,
      maxIterations: 100,
      clock: () => performance.now(),
      onProgress: o.onProgress,
    }),
  ),
  cancel: () => {},
});
