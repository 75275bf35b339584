/**
 * `npm run bench:solver -- [--only solomon,mankowska,…] [--quick] [--long] [--time-limit S]
 *   [--seed N] [--calls N]` — solves the benchmark suites one instance at a time (one core),
 * validates every result independently, and writes bench/results/solver.{md,json}.
 * Measures; never fails on quality or time. Exit 2 on bad flags.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { insertionLatency } from './latency.ts';
import { type CaseResult, runCase } from './run-case.ts';
import { buildCases, SUITES, type SuiteName } from './suites.ts';
import { type BenchRun, writeResults } from './write-results.ts';
import { describeMachine } from '../cli/machine.ts';

const HELP = `usage: npm run bench:solver -- [options]
  --only LIST        comma-separated subset of: ${SUITES.join(', ')} (default: all)
  --quick            a few instances per suite (C101, C201, R101, R201, RC101, RC201; A1, A2, B1;
                     c1_2_1, r1_2_1 at 10 s; 200 latency calls): a few minutes
  --long             Solomon at 10 s instead of 1 s
  --time-limit S     one time limit (seconds) for every instance, overriding the suites' own
  --seed N           solver and synthetic-instance seed (default 1)
  --calls N          timed rankInsertions calls (default 1000)
  --name NAME        results file name in bench/results (default solver, or solver-10s with --long)
Suites: solomon = 56 Solomon, distance only, DIMACS truncation, 1 s; solomon-hier = 56 Solomon,
vehicles then distance, double precision, 1 s; mankowska = A1-A10 1 s, B1-B10 10 s, C1 30 s;
homberger = Gehring-Homberger 200 customers, hierarchical, 30 s; latency = live insertion.`;

function options() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        only: { type: 'string' },
        quick: { type: 'boolean' },
        long: { type: 'boolean' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        calls: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      process.exit(0);
    }
    const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SUITES];
    const unknown = only.filter((s) => !(SUITES as readonly string[]).includes(s));
    if (unknown.length)
      throw new Error(`--only: unknown suite ${unknown.join(', ')} (known: ${SUITES.join(', ')})`);
    const num = (flag: string, v: string | undefined, fallback: number) => {
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || v.trim() === '')
        throw new Error(`--${flag} must be a non-negative number, got '${v}'`);
      return n;
    };
    if (values.name !== undefined && !/^[A-Za-z0-9._-]+$/.test(values.name))
      throw new Error(`--name must be a plain file name, got '${values.name}'`);
    const quick = Boolean(values.quick);
    return {
      only: only as SuiteName[],
      quick,
      long: Boolean(values.long),
      name: values.name ?? (values.long ? 'solver-10s' : 'solver'),
      timeLimitSec:
        values['time-limit'] === undefined ? undefined : num('time-limit', values['time-limit'], 0),
      seed: num('seed', values.seed, 1),
      calls: num('calls', values.calls, quick ? 200 : 1000),
    };
  } catch (e) {
    process.stderr.write(`bench:solver: ${(e as Error).message}\n${HELP}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const o = options();
  const run: BenchRun = {
    machine: {
      ...describeMachine(),
      // Wall-time budgets: a busy machine gives the solver less CPU, so say how busy it was.
      loadAtStart: loadavg()[0],
    },
    date: new Date().toISOString(),
    command: ['npm run bench:solver --', ...process.argv.slice(2)].join(' ').replace(/ --$/, ''),
    seed: o.seed,
    cases: [] as CaseResult[],
    latency: null,
    notes: [],
  };
  const results = new URL('../results/', import.meta.url);
  for (const suite of o.only) {
    if (suite === 'latency') continue;
    for (const c of buildCases(suite, o)) {
      try {
        const r = runCase(c, o.seed);
        run.cases.push(r);
        process.stderr.write(
          `${suite} ${r.instance}: cost ${r.cost} (best ${r.bestKnown ?? '–'}, gap ${r.gapPct ?? '–'} %) ` +
            `vehicles ${r.vehicles} in ${(r.runtimeMs / 1000).toFixed(1)} s ${r.feasible ? 'feasible' : 'INFEASIBLE'}\n`,
        );
      } catch (e) {
        run.notes.push(`${suite} ${c.file}: solver error: ${(e as Error).message}`);
        process.stderr.write(`${suite} ${c.file}: ERROR ${(e as Error).stack}\n`);
      }
      writeResults(run, results, o.name); // after each instance, so a long run leaves partial results
    }
  }
  if (o.only.includes('latency')) {
    try {
      run.latency = await insertionLatency(o.seed, o.calls);
      process.stderr.write(
        `latency: median ${run.latency.medianMs} ms, p99 ${run.latency.p99Ms} ms\n`,
      );
    } catch (e) {
      run.notes.push(`latency: ${(e as Error).message}`);
      process.stderr.write(`latency: ERROR ${(e as Error).stack}\n`);
    }
  }
  writeResults(run, results, o.name);
  process.stderr.write(`wrote ${new URL(`${o.name}.md`, results).pathname}\n`);
}

await main();
