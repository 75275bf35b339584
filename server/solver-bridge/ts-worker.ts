import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type TransferListItem, Worker } from 'node:worker_threads';

/**
 * Node 20 cannot start a worker from a .ts file under tsx, so the worker runs a tiny
 * CommonJS bootstrap that loads the real worker through tsx's `tsImport`. It works the
 * same under `npx tsx` and under vitest. A failure to load is posted as `{ type: 'error' }`.
 * No library does this (a pool library still needs its worker file to load under tsx: the
 * solver pool's is solver-pool-entry.mjs); the ranking workers use it (rank-in-worker.ts).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ tsImport }) => tsImport(workerData.entry, workerData.parent)).catch((e) => {
  require('node:worker_threads').parentPort.postMessage({ type: 'error', message: String(e && e.stack || e) });
});
`;

/** File URL of tsx's ESM API (its CommonJS build cannot `tsImport` ESM from a worker). */
function tsxEsmApi(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

/** Starts a worker thread running the TypeScript module `entry` (a file URL) with `data`. */
export function startTsWorker(
  entry: string,
  data: Record<string, unknown>,
  transferList: TransferListItem[] = [],
): Worker {
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { ...data, tsxApi: tsxEsmApi(), entry, parent: import.meta.url },
    transferList,
  });
}
