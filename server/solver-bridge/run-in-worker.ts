import { MessageChannel } from 'node:worker_threads';
import type { ProblemInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import type { SolveProgress } from '../../solver/solve.ts';
import type { ControlMessage, SolveRequest, SolveStart, WorkerMessage } from './messages.ts';
import { prestartSolverWorker, takeSolverWorker } from './spare-worker.ts';

export interface WorkerSolveOptions {
  seed: number;
  /** From this call on: the worker's start counts in it. */
  timeLimitMs: number;
  maxIterations?: number;
  initial?: Solution;
  /** See SolveOptions.insertFirst. */
  insertFirst?: number[];
  /** Best cost over time, about every 100 ms and once at the end. */
  onProgress?: (p: SolveProgress) => void;
}

export interface WorkerSolve {
  /** The plan; a cancelled solve still resolves with the best plan found so far. */
  result: Promise<Solution>;
  cancel(): void;
}

/**
 * Runs `solve` off the main thread, with progress messages and cancellation. It takes the
 * spare worker when there is one, and starts the next spare once the solve has ended.
 */
export function runSolveInWorker(input: ProblemInput, options: WorkerSolveOptions): WorkerSolve {
  const { port1, port2 } = new MessageChannel();
  const request: SolveRequest = {
    input,
    seed: options.seed,
    timeLimitMs: options.timeLimitMs,
    requestedAt: Date.now(),
    maxIterations: options.maxIterations,
    initial: options.initial,
    insertFirst: options.insertFirst,
  };
  const worker = takeSolverWorker();
  const start: SolveStart = { request, control: port2 };
  worker.postMessage(start, [port2]);
  const result = new Promise<Solution>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      port1.close();
      fn();
      prestartSolverWorker();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        const { type: _type, ...p } = m;
        options.onProgress?.(p);
      } else if (m.type === 'result') finish(() => resolve(m.solution));
      else finish(() => reject(new Error(`solver worker: ${m.message}`)));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`solver worker exited (code ${code}) without a result`))),
    );
  });
  return {
    result,
    cancel: () => {
      const m: ControlMessage = { type: 'cancel' };
      port1.postMessage(m);
    },
  };
}
