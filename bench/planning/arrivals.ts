/**
 * Fewer arrivals (issue 18): how many times a day a caregiver comes to each patient's door
 * when generation makes one visit per care plan, and when it combines a patient's overlapping
 * combinable plans into one visit (server/planning/generate/combine-visits.ts).
 *
 *   npx tsx bench/planning/arrivals.ts [--scale 1] [--municipality 0180] [--seed 1]
 *                                      [--date 2026-11-25] [--results DIR|none]
 *
 * Seeds the demo data (today 2026-11-23) into a throwaway in-memory PGlite, generates --date
 * (a day the seed made no visits for) with combining off, counts, generates the same day
 * again with combining on (the free visits combined in place: what a scheduler would see),
 * counts, and generates once more (nothing must change). An arrival is one visit, also a
 * two-person visit (the pair comes together): arrivals per patient per day = the day's live
 * plan-made visits of the patient. Writes bench/results/arrivals.{md,json}.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, gte, isNotNull, lt, ne } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { visits } from '../../db/schema/index.ts';
import { seedDemoData } from '../../db/seed/seed.ts';
import { SYSTEM } from '../../server/commands/run-command.ts';
import { localDayBounds } from '../../server/domain/stockholm-time.ts';
import { visitNeeds } from '../../server/domain/competence.ts';
import { generateDay } from '../../server/planning/generate/generate-day.ts';
import { describeMachine } from '../cli/machine.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    municipality: { type: 'string', default: '0180' },
    seed: { type: 'string', default: '1' },
    date: { type: 'string', default: '2026-11-25' },
    results: { type: 'string', default: 'bench/results' },
  },
});
const municipality = values.municipality;
const date = values.date;

interface Count {
  combining: 'off' | 'on';
  ms: number;
  generated: unknown;
  visits: number;
  combinedVisits: number;
  patients: number;
  arrivalsPerPatient: { mean: number; median: number; p90: number; max: number };
  /** Patients by arrivals that day: { '1': n, '2': n, … }. */
  distribution: Record<string, number>;
  /** Visits by the profession competence asks for (an AN with delegations counts as 'an'). */
  byNeeds: Record<string, number>;
  visitMinutes: number;
}

const database = await openDatabase({ kind: 'pglite', dataDir: null });
const counts: Count[] = [];
let again: unknown;
try {
  await migrateDatabase(database);
  const seeded = await seedDemoData(database.db, {
    seed: Number(values.seed),
    scale: Number(values.scale),
    today: '2026-11-23',
    municipalities: [municipality],
  });
  const deps = { db: database.db, now: () => new Date('2026-11-23T12:00:00Z') };
  const generate = (combine: boolean) =>
    generateDay(deps, SYSTEM, { municipality, date, team: null }, undefined, { combine });

  const count = async (combining: 'off' | 'on', ms: number, generated: unknown) => {
    const { start, end } = localDayBounds(date);
    const rows = await database.db
      .select()
      .from(visits)
      .where(
        and(
          eq(visits.municipalityCode, municipality),
          isNotNull(visits.carePlanId),
          ne(visits.status, 'cancelled'),
          gte(visits.windowStart, start),
          lt(visits.windowStart, end),
        ),
      );
    const perPatient = new Map<string, number>();
    for (const v of rows) perPatient.set(v.patientId, (perPatient.get(v.patientId) ?? 0) + 1);
    const n = [...perPatient.values()].sort((a, b) => a - b);
    const at = (q: number) => n[Math.min(n.length - 1, Math.floor(q * n.length))];
    const distribution: Record<string, number> = {};
    for (const k of n) distribution[k] = (distribution[k] ?? 0) + 1;
    const byNeeds: Record<string, number> = {};
    for (const v of rows) {
      const needs = visitNeeds(v.requiredProfession, v.taskTypes);
      const key = needs.delegated.length > 0 ? 'an_with_delegation' : needs.profession;
      byNeeds[key] = (byNeeds[key] ?? 0) + 1;
    }
    const c: Count = {
      combining,
      ms,
      generated,
      visits: rows.length,
      combinedVisits: rows.filter((v) => v.alsoCarePlanIds.length > 0).length,
      patients: n.length,
      arrivalsPerPatient: {
        mean: Math.round((rows.length / n.length) * 100) / 100,
        median: at(0.5),
        p90: at(0.9),
        max: n.at(-1) ?? 0,
      },
      distribution,
      byNeeds,
      visitMinutes: rows.reduce((s, v) => s + v.durationMinutes * v.staffCount, 0),
    };
    counts.push(c);
    console.log(combining, JSON.stringify(c));
  };

  for (const combine of [false, true]) {
    const started = performance.now();
    const r = await generate(combine);
    await count(combine ? 'on' : 'off', Math.round(performance.now() - started), r.counts);
  }
  again = (await generate(true)).counts;
  console.log('again', JSON.stringify(again));

  const result = {
    benchmark: 'arrivals',
    municipality,
    scale: Number(values.scale),
    seed: Number(values.seed),
    date,
    seeded,
    machine: describeMachine(),
    counts,
    generatedAgain: again,
  };
  if (values.results !== 'none') {
    writeFileSync(join(values.results, 'arrivals.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(values.results, 'arrivals.md'), markdown(result));
  }
} finally {
  await database.close();
}

function markdown(r: {
  municipality: string;
  scale: number;
  seed: number;
  date: string;
  machine: unknown;
  counts: Count[];
  generatedAgain: unknown;
}): string {
  const [off, on] = r.counts;
  const pct = (a: number, b: number) => `${Math.round(((b - a) / a) * 1000) / 10} %`;
  const row = (label: string, f: (c: Count) => string | number) =>
    `| ${label} | ${f(off)} | ${f(on)} |`;
  const dist = (c: Count) =>
    Object.entries(c.distribution)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
  return [
    '# Fewer arrivals: one visit per care plan vs combined visits',
    '',
    `Municipality ${r.municipality}, demo data scale ${r.scale}, seed ${r.seed}, day ${r.date} (generated from the care plans).`,
    '',
    '```sh',
    `npx tsx bench/planning/arrivals.ts --scale ${r.scale} --municipality ${r.municipality} --seed ${r.seed} --date ${r.date}`,
    '```',
    '',
    '| | combining off | combining on |',
    '| --- | --- | --- |',
    row('visits (= arrivals)', (c) => c.visits),
    row('of them combined', (c) => c.combinedVisits),
    row('patients with a visit', (c) => c.patients),
    row('arrivals per patient per day, mean', (c) => c.arrivalsPerPatient.mean),
    row('median', (c) => c.arrivalsPerPatient.median),
    row('90th percentile', (c) => c.arrivalsPerPatient.p90),
    row('max', (c) => c.arrivalsPerPatient.max),
    row('patients by arrivals', dist),
    row('visits by competence needed', (c) => JSON.stringify(c.byNeeds)),
    row('caregiver minutes at the bedside', (c) => c.visitMinutes),
    row('generation (ms)', (c) => c.ms),
    row('generation counts', (c) => JSON.stringify(c.generated)),
    '',
    `Arrivals: ${off.visits} → ${on.visits} (${pct(off.visits, on.visits)}); per patient per day ${off.arrivalsPerPatient.mean} → ${on.arrivalsPerPatient.mean}. ` +
      'Combined visits last the sum of their plans, so the bedside minutes are the same; the saving is arrivals and the travel between them. ' +
      'Combining on was generated over the day made with combining off, so its counts show the free visits updated and cancelled in place.',
    '',
    `Generating again with combining on: ${JSON.stringify(r.generatedAgain)} (idempotent).`,
    '',
    `Machine: ${JSON.stringify(r.machine)}`,
    '',
  ].join('\n');
}
