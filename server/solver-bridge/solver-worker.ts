import { getPriority, setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { Solution } from '../../solver/model/solution.ts';
import { solve } from '../../solver/solve.ts';
import type { ControlMessage, SolveStart, WorkerMessage } from './messages.ts';
import { timeLeftMs } from './time-left.ts';

const POLL_EVERY_MS = 5;

/**
 * The solver's thread runs at a lower OS priority, so that on a busy machine the main thread
 * (HTTP, live state) and the ranking worker get the cores first: suggestion latency p99 was
 * 4-5x its idle value while a day was planned (bench/results/plan-day.md). On Linux a
 * thread's niceness is its own (setpriority on the calling thread); elsewhere it would lower
 * the whole process, so it is set on Linux only.
 */
/** Added to the niceness the worker starts with. */
export const SOLVER_NICENESS = 10;
if (process.platform === 'linux') {
  try {
    // Relative to the thread it started from (the server itself may run niced); 19 is the lowest.
    setPriority(Math.min(19, getPriority() + SOLVER_NICENESS));
  } catch {
    // Not allowed here: the solver runs at the normal priority.
  }
}

/**
 * Worker side of the solver bridge, one solve per task of the pool; progress goes back on
 * the task's control port. The solve is synchronous, so the worker's event loop
 * never runs during it; cancellation therefore polls the control port with
 * `receiveMessageOnPort` from inside `shouldStop`.
 */
export function solveTask({ request, control }: SolveStart): Solution {
  const post = (m: WorkerMessage) => control.postMessage(m);
  try {
    return solve(request.input, {
      seed: request.seed,
      timeLimitMs: timeLeftMs(request.timeLimitMs, request.requestedAt, Date.now()),
      maxIterations: request.maxIterations,
      initial: request.initial,
      insertFirst: request.insertFirst,
      clock: () => performance.now(),
      shouldStop: cancelPoll(control),
      onProgress: (p) => post({ type: 'progress', ...p }),
    });
  } finally {
    control.close();
  }
}

/** `shouldStop` for the solver: true once a cancel has come on the control port. */
function cancelPoll(control: MessagePort): () => boolean {
  let cancelled = false;
  let lastPoll = Number.NEGATIVE_INFINITY;
  return () => {
    const now = performance.now();
    if (cancelled || now - lastPoll < POLL_EVERY_MS) return cancelled;
    lastPoll = now;
    for (let m = receiveMessageOnPort(control); m; m = receiveMessageOnPort(control)) {
      if ((m.message as ControlMessage).type === 'cancel') cancelled = true;
    }
    return cancelled;
  };
}
