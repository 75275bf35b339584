import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runSolveInWorker } from '../../../server/solver-bridge/run-in-worker.ts';
import {
  prestartSolverWorker,
  solverPool,
  stopSpareSolverWorker,
} from '../../../server/solver-bridge/spare-worker.ts';
import { parseSolomon } from '../../../solver/io/solomon.ts';
import { validate } from '../../../solver/validate/validate.ts';

const r101 = parseSolomon(
  readFileSync(new URL('../../../bench/data/solomon/r101.txt', import.meta.url), 'utf8'),
  { rounding: 'dimacs', objective: 'distance' },
);
const solveOnce = () => runSolveInWorker(r101, { seed: 1, timeLimitMs: 60_000, maxIterations: 20 });

describe('the spare solver worker', () => {
  afterAll(stopSpareSolverWorker);

  it('is started ahead, loaded, and stays loaded for the next solve', async () => {
    await stopSpareSolverWorker();
    prestartSolverWorker();
    const [spare] = solverPool().threads;
    expect(spare).toBeDefined();
    await new Promise<void>((resolve) => spare.once('online', resolve));
    const solution = await solveOnce().result;
    expect(validate(r101, solution).violations).toEqual([]);
    expect(solverPool().threads).toContain(spare);
  });

  it('is replaced when it has died, and the solve still runs', async () => {
    await stopSpareSolverWorker();
    prestartSolverWorker();
    const [spare] = solverPool().threads;
    await spare.terminate();
    const solution = await solveOnce().result;
    expect(validate(r101, solution).violations).toEqual([]);
    expect(solverPool().threads).not.toContain(spare);
  });

  it('does not keep the process alive while it waits', () => {
    const fixture = new URL('./spare-idle.fixture.ts', import.meta.url);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(fixture)], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('waiting');
    expect(child.status).toBe(0);
  });
});
