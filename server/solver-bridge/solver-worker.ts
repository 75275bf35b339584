import { performance } from 'node:perf_hooks';
import { type MessagePort, parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { solve } from '../../solver/solve.ts';
import type { ControlMessage, SolveStart, WorkerMessage } from './messages.ts';
import { timeLeftMs } from './time-left.ts';

/**
 * Worker side of the solver bridge: loads the solver, waits for one request (a worker may be
 * started ahead of it), runs one `solve` and reports progress, then ends. The solve is
 * synchronous, so the worker's event loop never runs during it; cancellation therefore
 * polls the control port with `receiveMessageOnPort` from inside `shouldStop`.
 */
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const POLL_EVERY_MS = 5;

parentPort?.once('message', ({ request, control }: SolveStart) => {
  try {
    const solution = solve(request.input, {
      seed: request.seed,
      timeLimitMs: timeLeftMs(request.timeLimitMs, request.requestedAt, Date.now()),
      maxIterations: request.maxIterations,
      initial: request.initial,
      insertFirst: request.insertFirst,
      clock: () => performance.now(),
      shouldStop: cancelPoll(control),
      onProgress: (p) => post({ type: 'progress', ...p }),
    });
    post({ type: 'result', solution });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    control.close();
  }
});

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
