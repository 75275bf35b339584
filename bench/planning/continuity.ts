/**
 * Continuity over weeks (issue 18): plans 14 consecutive days of a municipality, each day with
 * the history of the days before, and reports the Kolada continuity indicator against a
 * travel-only plan of the same days with the same budget.
 *
 *   npm run bench:continuity -- [--scale 1] [--teams 3] [--days 14] [--iterations 100]
 *                               [--settings recommended,server,…] [--seed 1] [--staff-factor 2]
 *                               [--results bench/results|none] [--name continuity]
 *   npm run bench:continuity -- --quick      # 3 days, one team: a smoke run
 *
 * The world is a district of Stockholm city at its real density: at scale 1 the demo
 * generator makes the city's 11 teams and about 3,000 visits a day; the first `--teams` of
 * them are kept with their patients and staff (a smaller scale spreads fewer patients over
 * the whole city, whose travel the generator's staffing was not sized for).
 *
 * Writes bench/results/<name>.md and .json (name: continuity, or continuity-quick).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { describeMachine } from '../cli/machine.ts';
import { type PeriodResult, planPeriod } from './plan-period.ts';
import { CATALOG, TRAVEL_ONLY } from './settings.ts';
import { buildWorld } from './world.ts';
import { writeContinuity } from './write-continuity.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    teams: { type: 'string' },
    days: { type: 'string' },
    municipality: { type: 'string', default: '0180' },
    'first-day': { type: 'string', default: '2026-10-19' },
    seed: { type: 'string', default: '1' },
    'world-seed': { type: 'string', default: '20261123' },
    'staff-factor': { type: 'string', default: '2' },
    iterations: { type: 'string' },
    'time-limit-ms': { type: 'string', default: '600000' },
    settings: { type: 'string', default: 'recommended,server,freq-3600,usual-freq-3600' },
    results: { type: 'string', default: 'bench/results' },
    name: { type: 'string' },
  },
});
const quick = values.quick;
const scale = Number(values.scale);
const teams = Number(values.teams ?? (quick ? 1 : 3));
const days = Number(values.days ?? (quick ? 3 : 14));
const iterations = Number(values.iterations ?? (quick ? 50 : 200));
const names = values.settings.split(',').filter((n) => n !== 'travel');
for (const n of names) {
  if (!CATALOG[n])
    throw new Error(`--settings: unknown '${n}' (${Object.keys(CATALOG).join(', ')})`);
}

const args = process.argv.slice(2);
const command = ['npm run bench:continuity', ...(args.length ? ['--', ...args] : [])].join(' ');
const started = Date.now();
const loadAtStart = loadavg()[0];
const world = buildWorld({
  municipality: values.municipality,
  seed: Number(values['world-seed']),
  scale,
  firstDay: values['first-day'],
  days,
  staffFactor: Number(values['staff-factor']),
  teams,
});
const budget = {
  seed: Number(values.seed),
  iterations,
  timeLimitMs: Number(values['time-limit-ms']),
  localSearch: true,
};
console.error(
  `${world.teams} teams, ${world.staff.length} staff, ${[...world.visits.values()].reduce((a, v) => a + v.length, 0)} visits over ${days} days`,
);

const runs: PeriodResult[] = [];
for (const settings of [TRAVEL_ONLY, ...names.map((n) => CATALOG[n])]) {
  const t = Date.now();
  const run = planPeriod(world, settings, budget, (d) =>
    console.error(
      `${settings.name} ${d.date}: ${d.visits} visits, ${d.unplaced} unplaced, travel ${(d.travelSeconds / 3600).toFixed(1)} h, ${(d.solveMs / 1000).toFixed(1)} s`,
    ),
  );
  console.error(
    `${settings.name}: median ${run.indicator.daytime.median} (all hours ${run.indicator.allHours.median}), ${((Date.now() - t) / 1000).toFixed(0)} s`,
  );
  runs.push(run);
}

const name = values.name ?? (quick ? 'continuity-quick' : 'continuity');
const report = writeContinuity(
  {
    date: new Date().toISOString(),
    command,
    machine: { ...describeMachine(), loadAtStart, loadAtEnd: loadavg()[0] },
    wallSeconds: Math.round((Date.now() - started) / 1000),
    world: {
      municipality: values.municipality,
      scale,
      teamsOf: world.teamsInMunicipality,
      worldSeed: Number(values['world-seed']),
      firstDay: world.dates[0],
      days,
      staffFactor: Number(values['staff-factor']),
      teams: world.teams,
      staff: world.staff.length,
      patients: world.patients.size,
      visits: runs[0].totals.visits,
      shiftsPerDay: world.dates.map((d) => world.shifts.get(d)?.length ?? 0),
    },
    budget,
    runs,
  },
  values.results === 'none' ? null : values.results,
  name,
);
console.log(report);
