import type { MessagePort } from 'node:worker_threads';
import type { ProblemInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import type { SolveProgress } from '../../solver/solve.ts';

/** What the parent sends to start a solve. */
export interface SolveRequest {
  input: ProblemInput;
  seed: number;
  /** Counted from `requestedAt`: starting the worker is part of it. */
  timeLimitMs: number;
  /** Date.now() when the solve was asked for (the clock both threads share). */
  requestedAt: number;
  maxIterations?: number;
  initial?: Solution;
  insertFirst?: number[];
}

/** A solve's task for the pool: the request, and the port for progress and cancelling. */
export interface SolveStart {
  request: SolveRequest;
  control: MessagePort;
}

/** Messages from the worker to the parent (on the control port; the plan is the task's result). */
export type WorkerMessage = { type: 'progress' } & SolveProgress;

/** Messages from the parent to the worker (on the control port). */
export type ControlMessage = { type: 'cancel' };
