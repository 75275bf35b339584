/**
 * Replays one solve on an input saved by `npm run bench:plan-day -- --save-input FILE`, on
 * this thread: when the search first held a plan that breaks no hard rule, the visits left
 * out and how many of them a caregiver could still take, and the validator's verdict. For
 * tuning the solver without seeding and loading a day each time.
 *
 *   npx tsx bench/planning/replay-solve.ts --input FILE [--seconds 60] [--seed 1]
 *       [--iterations N]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { ProblemInput } from '../../solver/model/problem-input.ts';
import { solve } from '../../solver/solve.ts';
import { validate } from '../../solver/validate/validate.ts';
import { placeableLeftOut } from './plan-checks.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string' },
  },
});
if (!values.input) throw new Error('--input FILE is required');
const input = JSON.parse(readFileSync(values.input, 'utf8')) as ProblemInput;
// The matrices were typed arrays, saved as objects keyed by index.
for (const p of input.profiles) {
  p.durations = Int32Array.from(Object.values(p.durations));
  p.distances = Int32Array.from(Object.values(p.distances));
}
const t0 = performance.now();
let firstFeasibleMs: number | null = null;
let iterations = 0;
const solution = solve(input, {
  seed: Number(values.seed),
  timeLimitMs: Number(values.seconds) * 1000,
  clock: () => performance.now(),
  ...(values.iterations ? { maxIterations: Number(values.iterations) } : {}),
  onProgress: (p) => {
    iterations = p.iteration;
    if (p.feasible && firstFeasibleMs === null) firstFeasibleMs = Math.round(p.elapsedMs);
  },
});
const ms = Math.round(performance.now() - t0);
const v = validate(input, solution);
const placeable = placeableLeftOut(input, solution);
console.log(
  JSON.stringify({
    visits: input.visits.length,
    caregivers: input.caregivers.length,
    ms,
    iterations,
    firstFeasibleMs,
    finalRepairOnly: solution.foundByRepair ?? null,
    cost: solution.cost,
    unassigned: solution.unassigned.length,
    placeableSingle: `${placeable.single} of ${placeable.singleUnplaced}`,
    placeablePairs: `${placeable.pairs} of ${placeable.pairsUnplaced}`,
    valid: v.valid,
    violations: v.violations.slice(0, 3),
    load: loadavg().map((l) => Math.round(l * 100) / 100),
  }),
);
