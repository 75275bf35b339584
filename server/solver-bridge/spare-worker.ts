import { Piscina } from 'piscina';

/**
 * The solver's worker threads: a piscina pool. It keeps one worker started and idle, the
 * solver's modules loaded, so a solve does not wait about 0.3 s for a worker to load them
 * (which would come out of a sick call's time box); a worker stays loaded for the next solve,
 * and one that died is replaced. Piscina unrefs idle workers: the pool never keeps the
 * process alive. A worker runs TypeScript through solver-pool-entry.mjs (see ts-worker.ts).
 */
let pool: Piscina | null = null;

/** The pool, started with its idle worker if it was not. */
export function solverPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./solver-pool-entry.mjs', import.meta.url).href,
    minThreads: 1,
  });
  return pool;
}

/** Starts the idle solver worker if there is none (at server start). */
export function prestartSolverWorker(): void {
  solverPool();
}

/** Ends the pool once the solves under way have ended (tests, shutdown). */
export async function stopSpareSolverWorker(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close();
}
