import { readFileSync, readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runSolveInWorker } from '../../../server/solver-bridge/run-in-worker.ts';
import { SOLVER_NICENESS } from '../../../server/solver-bridge/solver-worker.ts';
import { parseSolomon } from '../../../solver/io/solomon.ts';
import { validate } from '../../../solver/validate/validate.ts';

const r101 = parseSolomon(
  readFileSync(new URL('../../../bench/data/solomon/r101.txt', import.meta.url), 'utf8'),
  { rounding: 'dimacs', objective: 'distance' },
);

describe('runSolveInWorker', () => {
  it('solves in a worker thread and reports the best cost over time', async () => {
    const seen: number[] = [];
    const job = runSolveInWorker(r101, {
      seed: 1,
      timeLimitMs: 60_000,
      maxIterations: 400,
      onProgress: (p) => seen.push(p.bestCost),
    });
    const solution = await job.result;
    expect(validate(r101, solution).violations).toEqual([]);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(solution.cost);
  });

  it('stops early on cancel and still returns a valid plan', async () => {
    const started = Date.now();
    let first: () => void = () => {};
    const progressed = new Promise<void>((r) => {
      first = r;
    });
    const job = runSolveInWorker(r101, { seed: 1, timeLimitMs: 60_000, onProgress: () => first() });
    await progressed;
    job.cancel();
    const solution = await job.result;
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(validate(r101, solution).violations).toEqual([]);
  });

  it('rejects with the solver error for malformed input', async () => {
    const bad = { ...r101, visits: [{ ...r101.visits[0], location: 10_000 }] };
    await expect(runSolveInWorker(bad, { seed: 1, timeLimitMs: 1000 }).result).rejects.toThrow(
      /visits\[0\]\.location/,
    );
  });
});

describe.runIf(process.platform === 'linux')('the solver thread on Linux', () => {
  it('runs at a lower OS priority than the main thread, which keeps its own', async () => {
    const niceOf = (tid: string) => {
      // /proc/self/task/<tid>/stat: field 19 is the niceness (after the name in parentheses).
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const job = runSolveInWorker(r101, { seed: 1, timeLimitMs: 60_000, maxIterations: 50 });
    await job.result;
    const nice = readdirSync('/proc/self/task').map(niceOf);
    expect(getPriority()).toBe(niceOf(String(process.pid)));
    expect(nice).toContain(Math.min(19, getPriority() + SOLVER_NICENESS));
  });
});
