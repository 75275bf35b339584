import { performance } from 'node:perf_hooks';
import {
  type MessagePort,
  parentPort,
  receiveMessageOnPort,
  workerData,
} from 'node:worker_threads';
import { solve } from '../../solver/solve.ts';
import type { ControlMessage, SolveRequest, WorkerMessage } from './messages.ts';
import { timeLeftMs } from './time-left.ts';

/**
 * Worker side of the solver bridge: runs one `solve` and reports progress. The solve is
 * synchronous, so the worker's event loop never runs during it; cancellation therefore
 * polls the control port with `receiveMessageOnPort` from inside `shouldStop`.
 */
const { request, control } = workerData as { request: SolveRequest; control: MessagePort };
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const POLL_EVERY_MS = 5;

let cancelled = false;
let lastPoll = Number.NEGATIVE_INFINITY;
const shouldStop = () => {
  const now = performance.now();
  if (cancelled || now - lastPoll < POLL_EVERY_MS) return cancelled;
  lastPoll = now;
  for (let m = receiveMessageOnPort(control); m; m = receiveMessageOnPort(control)) {
    if ((m.message as ControlMessage).type === 'cancel') cancelled = true;
  }
  return cancelled;
};

const timeLimitMs = timeLeftMs(request.timeLimitMs, request.requestedAt, Date.now());

try {
  const solution = solve(request.input, {
    seed: request.seed,
    timeLimitMs,
    maxIterations: request.maxIterations,
    initial: request.initial,
    insertFirst: request.insertFirst,
    clock: () => performance.now(),
    shouldStop,
    onProgress: (p) => post({ type: 'progress', ...p }),
  });
  post({ type: 'result', solution });
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
} finally {
  control.close();
}
