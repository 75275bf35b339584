/**
 * How long a sick call takes on a planned, Stockholm-sized day, and how well its repair does
 * within the time box it is given (issue 5): `reportSick` with its database writes, loading
 * the day, building the problem, the solver in its worker thread, and storing the proposal.
 *
 *   npx tsx bench/dispatch/sick-call.ts [--scale 1] [--municipality 0180] [--calls 3]
 *                                       [--box-ms 2000] [--plan-ms 10000] [--seed 1]
 *                                       [--at 10:00] [--data-dir DIR] [--results DIR|none]
 *
 * Seeds and plans the day into a PGlite data directory (kept with --data-dir), then, for each
 * of the first `--calls` caregivers on shift at `--at` with more than five visits still ahead,
 * reports them sick on a fresh copy of that directory. Writes bench/results/sick-call.{md,json}.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client.ts';
import { ProposalStore } from '../../server/sick-calls/proposals.ts';
import { type SolveFn, reportSick } from '../../server/sick-calls/report-sick.ts';
import { LiveState } from '../../server/live-state/live-state.ts';
import { loadMunicipalityState } from '../../server/live-state/load-state.ts';
import { createEventBus } from '../../server/live/create-bus.ts';
import { runSolveInWorker } from '../../server/solver-bridge/run-in-worker.ts';
import { prestartSolverWorker } from '../../server/solver-bridge/spare-worker.ts';
import { openPlannedWorld } from './planned-world.ts';
import { describeMachine } from '../cli/machine.ts';
import { SYSTEM } from '../../server/commands/run-command.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    municipality: { type: 'string', default: '0180' },
    calls: { type: 'string', default: '3' },
    'box-ms': { type: 'string', default: '2000' },
    'plan-ms': { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    at: { type: 'string', default: '10:00' },
    results: { type: 'string', default: 'bench/results' },
    'data-dir': { type: 'string' },
  },
});
const boxMs = Number(values['box-ms']);
const municipality = values.municipality;
const at = values.at;
const ownDir = values['data-dir'] === undefined;
const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'sick-call-world-'));

const world = await openPlannedWorld({
  scale: Number(values.scale),
  municipality,
  seed: Number(values.seed),
  planMs: Number(values['plan-ms']),
  at,
  dataDir,
});
const now = world.now;
const state = (await loadMunicipalityState(world.database.db, municipality, now))!;
const ahead = new Map<string, number>();
for (const v of state.visits.values()) {
  if (v.status !== 'assigned') continue;
  for (const a of v.assignees)
    if (a.plannedStart > now) ahead.set(a.staffId, (ahead.get(a.staffId) ?? 0) + 1);
}
const sick = [...state.staff.values()]
  .filter((s) => s.shifts.some((x) => x.startsAt <= now && now < x.endsAt))
  .filter((s) => (ahead.get(s.id) ?? 0) > 5)
  .map((s) => s.id)
  .sort()
  .slice(0, Number(values.calls));
const visitsLoaded = state.visits.size;
await world.database.close();
// As the server does at start: a solver worker waits loaded (and stays so after each solve).
prestartSolverWorker();

interface CallResult {
  staffId: string;
  wallMs: number;
  beforeSolveMs: number;
  solveMs: number;
  afterSolveMs: number;
  solverBoxMs: number;
  released: number;
  releasedPlaced: number;
  proposedChanges: number;
  unplaced: number;
}
const results: CallResult[] = [];
for (const staffId of sick) {
  const copy = mkdtempSync(join(tmpdir(), 'sick-call-'));
  cpSync(dataDir, copy, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: copy });
  // As in the server: the day is read from the live state that the bus keeps current.
  const bus = await createEventBus(database);
  const liveState = new LiveState({ db: database.db, bus, now: () => now });
  await liveState.start([municipality]);
  let solveStart = 0;
  let solveEnd = 0;
  let solverBoxMs = 0;
  const solve: SolveFn = async (input, o) => {
    solverBoxMs = o.timeLimitMs;
    solveStart = performance.now();
    const solution = await runSolveInWorker(input, o).result;
    solveEnd = performance.now();
    return solution;
  };
  const deps = {
    db: database.db,
    bus,
    liveState,
    now: () => now,
    proposals: new ProposalStore(database.db),
    solve,
  };
  const started = performance.now();
  const { releasedVisitIds, proposal } = await reportSick(deps, SYSTEM, {
    staffId,
    timeLimitMs: boxMs,
  });
  const ended = performance.now();
  const placed = new Set(proposal.assignments.map((a) => a.visitId));
  results.push({
    staffId,
    wallMs: ended - started,
    beforeSolveMs: solveStart - started,
    solveMs: solveEnd - solveStart,
    afterSolveMs: ended - solveEnd,
    solverBoxMs,
    released: releasedVisitIds.length,
    releasedPlaced: releasedVisitIds.filter((id) => placed.has(id)).length,
    proposedChanges: proposal.assignments.length,
    unplaced: proposal.unplaced.length,
  });
  await liveState.close();
  await bus.close();
  await database.close();
  rmSync(copy, { recursive: true, force: true });
}
if (ownDir) rmSync(dataDir, { recursive: true, force: true });

const result = {
  date: new Date().toISOString(),
  command: ['npx tsx bench/dispatch/sick-call.ts', ...process.argv.slice(2)].join(' '),
  machine: {
    ...describeMachine(),
    loadAtEnd: loadavg()[0],
  },
  world: { municipality, scale: Number(values.scale), at, visitsLoaded, plan: world.plan },
  boxMs,
  calls: results,
};
const s = (ms: number) => (ms / 1000).toFixed(2);
const rows = results
  .map(
    (r) =>
      `| ${r.staffId.slice(0, 8)} | ${s(r.wallMs)} s | ${s(r.beforeSolveMs)} s | ${s(r.solverBoxMs)} s | ${s(r.solveMs)} s | ${s(r.afterSolveMs)} s | ${r.releasedPlaced} of ${r.released} | ${r.proposedChanges} | ${r.unplaced} |`,
  )
  .join('\n');
const md = `# Sick calls: releasing a caregiver's visits and proposing a repair

Run ${result.date}: \`${result.command}\`

Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.platform}, Node ${result.machine.node}; load average ${result.machine.loadAtEnd.toFixed(2)} at the end.

World: municipality ${municipality} at scale ${result.world.scale}, ${visitsLoaded} visits loaded at ${at} Stockholm time, ${world.plan ? `planned by the solver (${world.plan.assigned} assigned, ${world.plan.unassigned} left out)` : `planned earlier (--data-dir ${dataDir})`}. Each call is \`reportSick\` with a ${s(boxMs)} s time box on a fresh copy of the planned day (PGlite, the day read from the live state as in the server), for a caregiver on shift with more than five visits ahead.

| caregiver | wall | before the solver | solver's box | solver (worker) | after | released visits placed | changes proposed | unplaced |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}

"Before the solver" is releasing the visits (one transaction), loading the day and building the problem; the solver's box is what is left of the time box (at least 0.1 s); "solver (worker)" is from the request to the plan, in a worker started ahead; "after" is mapping the plan and storing the proposal.
`;
console.log(md);
if (values.results !== 'none') {
  writeFileSync(`${values.results}/sick-call.md`, md);
  writeFileSync(`${values.results}/sick-call.json`, `${JSON.stringify(result, null, 2)}\n`);
}
