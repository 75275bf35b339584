import type { Worker } from 'node:worker_threads';
import { startTsWorker } from './ts-worker.ts';

const WORKER_FILE = new URL('./solver-worker.ts', import.meta.url).href;

interface Spare {
  worker: Worker;
  /** Removes the listeners it has while idle. */
  detach(): void;
}

/**
 * One solver worker started ahead and left idle, its modules loaded: a solve takes it rather
 * than wait about 0.3 s for a worker to load the solver (which comes out of a sick call's
 * time box). Idle, it is unref'd, so it never keeps the process alive.
 */
let spare: Spare | null = null;

/** Starts the spare solver worker if there is none (at server start, and after each solve). */
export function prestartSolverWorker(): void {
  if (spare) return;
  const worker = startTsWorker(WORKER_FILE, {});
  worker.unref();
  // Idle, a worker ends only when it failed to load: then it is no spare. (No 'message'
  // listener while idle: one would ref the worker's port and keep the process alive.)
  const drop = () => {
    if (spare?.worker === worker) spare = null;
  };
  worker.on('error', drop);
  worker.on('exit', drop);
  spare = {
    worker,
    detach: () => {
      worker.off('error', drop);
      worker.off('exit', drop);
    },
  };
}

/** A solver worker for one solve: the spare when there is one, else a new one. */
export function takeSolverWorker(): Worker {
  const taken = spare;
  spare = null;
  if (!taken) return startTsWorker(WORKER_FILE, {});
  taken.detach();
  taken.worker.ref();
  return taken.worker;
}

/** The idle worker, if any (tests). */
export function spareSolverWorker(): Worker | null {
  return spare?.worker ?? null;
}

/** Ends the spare (tests, shutdown). */
export async function stopSpareSolverWorker(): Promise<void> {
  const taken = spare;
  spare = null;
  if (!taken) return;
  taken.detach();
  await taken.worker.terminate();
}
