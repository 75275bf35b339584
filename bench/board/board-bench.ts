/**
 * The manager's board at Stockholm-city scale (issue 19): seeds 90 days of history for
 * thousands of patients straight in SQL (bench/board/seed-city.ts) and computes its rollups,
 * then times each figure (median of 3 runs after a warm-up) over 28 days, over 92 days (the
 * longest period allowed) and over one day, both as the plain SQL over the visits and as the
 * board serves it from the rollups; then the cost per event: a status change with and without
 * the rollup triggers, and the recompute of the day it marks (median of many).
 *
 *   npx tsx bench/board/board-bench.ts [--patients 2000] [--days 90] [--results bench/results|none] [--name board] [--only trend]
 *
 * Writes bench/results/<name>.md (board). PGlite in memory by default; DATABASE_URL for PostgreSQL.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { boardFigures } from '../../server/board/board-figures.ts';
import type { BoardScope } from '../../server/board/board-scope.ts';
import { countyComparison } from '../../server/board/county.ts';
import { delegationsExpiring } from '../../server/board/delegations-expiring.ts';
import { type FigureQueries, PLAIN, ROLLUPS } from '../../server/board/figure-queries.ts';
import { parsePeriod } from '../../server/board/period.ts';
import { trends } from '../../server/board/trends.ts';
import { describeMachine } from '../cli/machine.ts';
import { eventCost } from './event-cost.ts';
import { seedCity } from './seed-city.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    patients: { type: 'string', default: '2000' },
    days: { type: 'string', default: '90' },
    'last-day': { type: 'string', default: '2026-11-23' },
    results: { type: 'string', default: 'bench/results' },
    name: { type: 'string', default: 'board' },
    /** Only the figures whose name contains this (e.g. "trend"), to time one figure. */
    only: { type: 'string', default: '' },
  },
});
const lastDay = values['last-day'];
const database = process.env.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
  : await openDatabase({ kind: 'pglite', dataDir: null });
await migrateDatabase(database);
const db = database.db;
const t0 = Date.now();
const { visits, rollupSeconds, rollupDays } = await seedCity(db, {
  patients: Number(values.patients),
  days: Number(values.days),
  lastDay,
});
const seedSeconds = (Date.now() - t0) / 1000 - rollupSeconds;
console.error(
  `seeded ${visits} visits in ${seedSeconds.toFixed(0)} s, rollups of ${rollupDays} days in ${rollupSeconds.toFixed(0)} s`,
);

const scope = (days: number): BoardScope => ({
  municipalities: ['0180'],
  teamId: null,
  period: parsePeriod({ from: shift(lastDay, -(days - 1)), to: lastDay }, lastDay),
});
function shift(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const admin = {
  userId: 'bench',
  username: 'bench',
  role: 'admin' as const,
  municipalities: [],
  teams: [],
  staffId: null,
};

/** A figure as the plain SQL computes it, and as the board serves it (rollups made current first). */
type Figure = [string, (q: FigureQueries, s: BoardScope) => Promise<unknown>];
const FIGURES: Figure[] = [
  ['continuity (Kolada and all hours, per team)', (q, s) => q.continuitySummary(db, s)],
  ['continuity per patient (audited list)', (q, s) => q.continuityPatients(db, s)],
  ['continuity trend (14 days ending each day)', (q, s) => q.continuityTrend(db, s)],
  ['contact caregiver share', (q, s) => q.contactShare(db, s)],
  ['punctuality', (q, s) => q.punctuality(db, s)],
  ['urgent response', (q, s) => q.urgentResponse(db, s)],
  ['visit outcomes, two-person, arrivals', (q, s) => q.visitOutcomes(db, s)],
  ['working time (utilisation, travel, overtime)', (q, s) => q.workingTime(db, s)],
  ['planned against actual', (q, s) => q.plannedActual(db, s)],
  ['economics per month', (q, s) => q.economics(db, s)],
  [
    'delegations expiring',
    () => delegationsExpiring(db, ['0180'], null, new Date(`${lastDay}T12:00:00Z`)),
  ],
  ['all tiles (GET …/figures)', (q, s) => boardFigures(db, s, q)],
  ['trends per day (GET …/trends)', (q, s) => trends(db, s, q)],
  ['county (GET /api/board/county)', (q, s) => countyComparison(db, admin, s.period, q)],
];
/** The single figures do not prepare themselves (the routes do): the rollup timing includes it. */
const served = (f: Figure[1]) => async (s: BoardScope) => {
  await ROLLUPS.prepare(db, s);
  return f(ROLLUPS, s);
};

async function time(f: () => Promise<unknown>): Promise<number> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[1];
}

const rows: string[] = [];
for (const [name, f] of FIGURES.filter(([n]) => n.includes(values.only))) {
  const r = [] as number[];
  for (const days of [28, 92, 1]) r.push(await time(() => f(PLAIN, scope(days))));
  for (const days of [28, 92, 1]) r.push(await time(() => served(f)(scope(days))));
  console.error(`${name}: ${r.map((x) => x.toFixed(0)).join(' / ')} ms`);
  rows.push(
    `| ${name} | ${r.map((x) => x.toFixed(0)).join(' | ')} | ${Math.max(r[3], r[4]) < 1000 ? 'yes' : '**no**'} |`,
  );
}
const cost = await eventCost(
  db,
  lastDay,
  () => boardFigures(db, scope(28)),
  () => trends(db, scope(28)),
);
console.error(cost.lines.join('\n'));
await database.close();

const m = describeMachine();
const report = `# The manager's board at Stockholm-city scale

${new Date().toISOString()} · \`npx tsx bench/board/board-bench.ts ${process.argv.slice(2).join(' ')}\` ·
${database.describe} · ${m.cpu}, ${m.cores} cores, Node ${m.node} · load ${loadavg()[0].toFixed(1)} (shared machine)

Data (bench/board/seed-city.ts, generated in SQL in ${seedSeconds.toFixed(0)} s): ${values.days} days ending ${lastDay},
${values.patients} patients, 440 caregivers in 11 teams, ${visits} visits (1.5 per patient-day + 50 urgent
calls a day), each with an assignment and reported times, a shift per caregiver and day.
The board's rollups of all ${rollupDays} days (backfillRollups, server/board/rollups/README.md): ${rollupSeconds.toFixed(0)} s, once.

Median of 3 runs after a warm-up, milliseconds, over the 28 days and the 92 days ending ${lastDay}
(continuity always covers the last 14), and over one day: first the plain SQL over the visits
(the reference), then as the board serves it, from the rollups (including the check for days
to recompute; none here, see below for the cost after an event). Both give the same figures
(test/server/board/rollups.db.test.ts).

| figure | plain 28 days | plain 92 days | plain 1 day | rollups 28 days | rollups 92 days | rollups 1 day | under 1 s (rollups) |
|---|---:|---:|---:|---:|---:|---:|---|
${rows.join('\n')}

## Cost per event

${cost.lines.map((l) => `- ${l}`).join('\n')}
`;
if (values.results !== 'none') writeFileSync(`${values.results}/${values.name}.md`, report);
console.log(report);
