import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { ProblemInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import type { SolveProgress } from '../../solver/solve.ts';
import type { ControlMessage, SolveRequest, SolveStart, WorkerMessage } from './messages.ts';
import { solverPool } from './spare-worker.ts';

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

export type { SolveProgress };

/** A solve that reports progress and can be stopped: runSolveInWorker, or a test's own. */
export type ProgressSolveFn = (input: ProblemInput, options: WorkerSolveOptions) => WorkerSolve;

/**
 * Runs `solve` off the main thread, on the solver pool (spare-worker.ts), with progress
 * messages and cancellation on a port of its own.
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
  const start: SolveStart = { request, control: port2 };
  const task: Promise<Solution> = solverPool().run(start, { transferList: [port2] });
  const onMessage = (m: WorkerMessage) => {
    const { type: _type, ...p } = m;
    options.onProgress?.(p);
  };
  port1.on('message', onMessage);
  const settle = () => {
    // Progress posted before the end may still be queued on the port: read it first.
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1))
      onMessage(m.message as WorkerMessage);
    port1.close();
  };
  const result = task.then(
    (solution) => {
      settle();
      return solution;
    },
    (e: unknown) => {
      settle();
      throw new Error(`solver worker: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    },
  );
  return {
    result,
    cancel: () => {
      const m: ControlMessage = { type: 'cancel' };
      port1.postMessage(m);
    },
  };
}
