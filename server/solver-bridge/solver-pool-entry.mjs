// Piscina loads this plain module in each worker; it loads the TypeScript worker through
// tsx's tsImport, which works under tsx and vitest alike (see ts-worker.ts).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const api = createRequire(import.meta.url)
  .resolve('tsx/esm/api')
  .replace(/\.cjs$/, '.mjs');
const { tsImport } = await import(pathToFileURL(api).href);
const { solveTask } = await tsImport('./solver-worker.ts', import.meta.url);
export default solveTask;
