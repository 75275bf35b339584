/**
 * How long ranking caregivers for an urgent call takes on a planned, Stockholm-sized day,
 * without HTTP or database: the computation a suggestion request makes (issue 5).
 *
 *   npx tsx bench/dispatch/suggestions.ts [--scale 1] [--municipality 0180] [--calls 1000]
 *                                         [--plan-ms 10000] [--seed 1] [--results DIR|none]
 *                                         [--at 10:00]
 *
 * Seeds demo data into an in-memory PGlite, plans today's service day with the solver (the
 * part before `now` counts as worked), reads the live state, then ranks `--calls` urgent
 * visits for random patients at 10:00 (or `--at`, Stockholm time: 01:00 is the night shift's
 * dispatcher, with the day's routes still ahead) with a mix of tasks. Writes
 * bench/results/suggestions.{md,json} (suggestions-HHMM.* for another time).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { TaskType } from '../../db/reference/task-types.ts';
import { requiredProfession } from '../../server/visits/create-visit.ts';
import { EXACT_PER_LIMIT, rankCaregivers } from '../../server/suggestions/rank-caregivers.ts';
import { loadMunicipalityState } from '../../server/live-state/load-state.ts';
import type { LiveVisit } from '../../server/live-state/types.ts';
import { estimateTravel } from '../../server/solver-bridge/travel.ts';
import { seededRandom } from '../solver/rng.ts';
import { openPlannedWorld } from './planned-world.ts';
import { describeMachine } from '../cli/machine.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    municipality: { type: 'string', default: '0180' },
    calls: { type: 'string', default: '1000' },
    'plan-ms': { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    at: { type: 'string', default: '10:00' },
    results: { type: 'string', default: 'bench/results' },
    /** Keep the seeded, planned database here and reuse it on the next run. */
    'data-dir': { type: 'string' },
    /** Also rank the first N calls evaluating every caregiver, and compare. */
    check: { type: 'string', default: '100' },
  },
});
const scale = Number(values.scale);
const calls = Number(values.calls);
const seed = Number(values.seed);
const at = values.at;
const dataDir = values['data-dir'] ?? null;
/** What urgent calls ask for: supervision (AN), insulin (AN with a delegation, or RN), an injection (RN). */
const TASKS: TaskType[][] = [['supervision'], ['insulin_pen'], ['injection'], ['personal_care']];

const { database, now, plan, planMs } = await openPlannedWorld({
  scale,
  municipality: values.municipality,
  seed,
  planMs: Number(values['plan-ms']),
  at,
  dataDir,
});
const t = performance.now();
const state = (await loadMunicipalityState(database.db, values.municipality, now))!;
const loadMs = performance.now() - t;
const onShift = [...state.staff.values()].filter((s) =>
  s.shifts.some((x) => x.startsAt <= now && now < x.endsAt),
).length;
const routed = [...state.visits.values()].filter((v) => v.assignees.length > 0).length;

const rnd = seededRandom(seed);
const patients = [...state.patients.keys()].sort();
const times: number[] = [];
let returned = 0;
const checks = Math.min(calls, Number(values.check));
const exactEverywhere = { matrices: estimateTravel().matrices };
let sameList = 0;
let sameBest = 0;
for (let i = 0; i < calls; i++) {
  const taskTypes = TASKS[Math.floor(rnd() * TASKS.length)];
  const priority = rnd() < 0.5 ? 'urgent1' : 'urgent2';
  const visit: LiveVisit = {
    id: `urgent-${i}`,
    municipalityCode: values.municipality,
    patientId: patients[Math.floor(rnd() * patients.length)],
    windowStart: now,
    windowEnd: new Date(now.getTime() + (priority === 'urgent1' ? 60 : 240) * 60_000),
    windowHard: false,
    durationMinutes: 30,
    taskTypes,
    requiredProfession: requiredProfession(taskTypes)!,
    staffCount: 1,
    priority,
    pinned: false,
    status: 'unassigned',
    version: 1,
    assignees: [],
  };
  const started = performance.now();
  const ranked = rankCaregivers(state, visit, { now, limit: 5 });
  times.push(performance.now() - started);
  returned += ranked.length;
  if (i < checks) {
    // A travel source without single trips makes rankCaregivers evaluate everyone exactly.
    const all = rankCaregivers(state, visit, { now, limit: 5, travel: exactEverywhere });
    const ids = (r: typeof ranked) => r.map((x) => x.member.id).join();
    if (ids(all) === ids(ranked)) sameList++;
    if (all[0]?.member.id === ranked[0]?.member.id) sameBest++;
  }
}
await database.close();

const sorted = [...times].sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const f = (ms: number) => ms.toFixed(2);
const result = {
  date: new Date().toISOString(),
  command: ['npx tsx bench/dispatch/suggestions.ts', ...process.argv.slice(2)].join(' '),
  machine: {
    ...describeMachine(),
    loadAtEnd: loadavg()[0],
  },
  world: {
    municipality: values.municipality,
    scale,
    staff: state.staff.size,
    onShiftAtNow: onShift,
    at,
    patients: state.patients.size,
    visitsLoaded: state.visits.size,
    visitsWithCaregivers: routed,
    plan,
    planMs: Math.round(planMs),
    loadStateMs: Math.round(loadMs),
  },
  calls,
  suggestionsPerCall: returned / calls,
  checkedAgainstEveryCaregiver: { calls: checks, sameTop5: sameList, sameBest },
  ms: { first: times[0], p50: q(0.5), p95: q(0.95), p99: q(0.99), max: sorted[sorted.length - 1] },
};
const md = `# Suggestions: ranking caregivers for an urgent call

Run ${result.date}: \`${result.command}\`

Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.platform}, Node ${result.machine.node}; load average ${result.machine.loadAtEnd.toFixed(2)} at the end.

World: municipality ${values.municipality} at scale ${scale}: ${result.world.staff} staff (${onShift} on shift at ${at}), ${result.world.patients} patients, ${result.world.visitsLoaded} visits loaded, ${routed} with caregivers. ${plan ? `Planned by the solver in ${(planMs / 1000).toFixed(1)} s (${plan.assigned} assigned, ${plan.unassigned} left out)` : `Planned earlier (--data-dir ${dataDir})`}; live state read in ${result.world.loadStateMs} ms.

${calls} urgent calls at ${at} Stockholm time for random patients (supervision, insulin, injection, personal care; priority 1 or 2), 5 suggestions asked, ${result.suggestionsPerCall.toFixed(2)} returned on average. Time of \`rankCaregivers\` alone (no HTTP, no database):

| first | p50 | p95 | p99 | max |
| ---: | ---: | ---: | ---: | ---: |
| ${f(result.ms.first)} ms | ${f(result.ms.p50)} ms | ${f(result.ms.p95)} ms | ${f(result.ms.p99)} ms | ${f(result.ms.max)} ms |

Caregivers are evaluated exactly in the order of an estimate (the route simulated with the breaks still due, as the solver places them, minus an allowance for whole seconds: a lower bound of the exact cost; a route already breaking a hard time rule is priced by the violation the visit adds, not refused) until five cost less than the next estimate, at most \`EXACT_PER_LIMIT\` × 5 = ${EXACT_PER_LIMIT * 5}. Checked against evaluating every caregiver exactly on the first ${checks} calls: the same five in the same order on ${sameList}, the same best caregiver on ${sameBest}.
`;
console.log(md);
if (values.results !== 'none') {
  const name = at === '10:00' ? 'suggestions' : `suggestions-${at.replace(':', '')}`;
  writeFileSync(`${values.results}/${name}.md`, md);
  writeFileSync(`${values.results}/${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
}
