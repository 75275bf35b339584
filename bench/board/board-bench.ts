/**
 * The manager's board at Stockholm-city scale (issue 19): seeds 90 days of history for
 * thousands of patients straight in SQL (bench/board/seed-city.ts), then times each figure
 * (median of 3 runs after a warm-up) over 28 days, over 92 days (the longest period allowed),
 * and over one day (what a live update recomputes for today).
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
import { contactShare } from '../../server/board/contact-share.ts';
import { continuityPatients, continuitySummary } from '../../server/board/continuity.ts';
import { countyComparison } from '../../server/board/county.ts';
import { delegationsExpiring } from '../../server/board/delegations-expiring.ts';
import { economics } from '../../server/board/economics.ts';
import { parsePeriod } from '../../server/board/period.ts';
import { plannedActual } from '../../server/board/planned-actual.ts';
import { punctuality } from '../../server/board/punctuality.ts';
import { continuityTrend } from '../../server/board/continuity-trend.ts';
import { trends } from '../../server/board/trends.ts';
import { urgentResponse } from '../../server/board/urgent-response.ts';
import { visitOutcomes } from '../../server/board/visit-outcomes.ts';
import { workingTime } from '../../server/board/working-time.ts';
import { describeMachine } from '../cli/machine.ts';
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
const { visits } = await seedCity(db, {
  patients: Number(values.patients),
  days: Number(values.days),
  lastDay,
});
const seedSeconds = (Date.now() - t0) / 1000;
console.error(`seeded ${visits} visits in ${seedSeconds.toFixed(0)} s`);

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

type Figure = [string, (s: BoardScope) => Promise<unknown>];
const FIGURES: Figure[] = [
  ['continuity (Kolada and all hours, per team)', (s) => continuitySummary(db, s)],
  ['continuity per patient (audited list)', (s) => continuityPatients(db, s)],
  ['continuity trend (14 days ending each day)', (s) => continuityTrend(db, s)],
  ['contact caregiver share', (s) => contactShare(db, s)],
  ['punctuality', (s) => punctuality(db, s)],
  ['urgent response', (s) => urgentResponse(db, s)],
  ['visit outcomes, two-person, arrivals', (s) => visitOutcomes(db, s)],
  ['working time (utilisation, travel, overtime)', (s) => workingTime(db, s)],
  ['planned against actual', (s) => plannedActual(db, s)],
  ['economics per month', (s) => economics(db, s)],
  [
    'delegations expiring',
    () => delegationsExpiring(db, ['0180'], null, new Date(`${lastDay}T12:00:00Z`)),
  ],
  ['all tiles (GET …/figures)', (s) => boardFigures(db, s)],
  ['trends per day (GET …/trends)', (s) => trends(db, s)],
  ['county (GET /api/board/county)', (s) => countyComparison(db, admin, s.period)],
];

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
  for (const days of [28, 92, 1]) r.push(await time(() => f(scope(days))));
  console.error(`${name}: ${r.map((x) => x.toFixed(0)).join(' / ')} ms`);
  rows.push(
    `| ${name} | ${r.map((x) => x.toFixed(0)).join(' | ')} | ${Math.max(r[0], r[1]) < 1000 ? 'yes' : '**no**'} |`,
  );
}
await database.close();

const m = describeMachine();
const report = `# The manager's board at Stockholm-city scale

${new Date().toISOString()} · \`npx tsx bench/board/board-bench.ts ${process.argv.slice(2).join(' ')}\` ·
${database.describe} · ${m.cpu}, ${m.cores} cores, Node ${m.node} · load ${loadavg()[0].toFixed(1)} (shared machine)

Data (bench/board/seed-city.ts, generated in SQL in ${seedSeconds.toFixed(0)} s): ${values.days} days ending ${lastDay},
${values.patients} patients, 440 caregivers in 11 teams, ${visits} visits (1.5 per patient-day + 50 urgent
calls a day), each with an assignment and reported times, a shift per caregiver and day.

Median of 3 runs after a warm-up, milliseconds, over the 28 days and the 92 days ending ${lastDay}
(continuity always covers the last 14), and over one day (what recomputing today costs after an event).

| figure | 28 days | 92 days | 1 day | under 1 s |
|---|---:|---:|---:|---|
${rows.join('\n')}
`;
if (values.results !== 'none') writeFileSync(`${values.results}/${values.name}.md`, report);
console.log(report);
