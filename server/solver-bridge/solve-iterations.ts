import { solve } from '../../solver/solve.ts';
import type { SolveFn } from './solve-rows.ts';

/** Wall-clock ceiling of an iteration-budgeted run: never reached on a demo day. */
const CEILING_MS = 600_000;

/**
 * A solver run on this thread bounded by iterations, not time: the same seed and rows give
 * the same plan however busy the machine is (the demo history must be reproducible). The
 * caller's time limit is ignored.
 */
export function solveForIterations(iterations: number): SolveFn {
  if (!Number.isSafeInteger(iterations) || iterations < 0)
    throw new Error(`solveForIterations: iterations must be a whole number ≥ 0, got ${iterations}`);
  return (input, o) =>
    solve(input, {
      seed: o.seed,
      timeLimitMs: CEILING_MS,
      maxIterations: iterations,
      clock: () => performance.now(),
    });
}
