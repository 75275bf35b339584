/**
 * How long generating a Stockholm-sized day from the care plans takes (issue 18, step 1):
 * generateDay with its lock, reads, writes, events and audit, on a seeded municipality.
 *
 *   npx tsx bench/planning/generate-day.ts [--scale 1] [--municipality 0180] [--seed 1]
 *                                          [--database-url URL] [--results DIR|none]
 *
 * Seeds the demo data (today 2026-11-23 and tomorrow with their visits) into an in-memory
 * PGlite, or into the empty PostgreSQL database at --database-url, then generates: tomorrow
 * (the seed's visits: nothing to change), the day after (every visit new), the same day again
 * (nothing), and once more after a tenth of the plans got five minutes longer (updates).
 * Writes bench/results/generate-day[-postgres].{md,json}.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inArray, sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { carePlans } from '../../db/schema/index.ts';
import { seedDemoData } from '../../db/seed/seed.ts';
import { SYSTEM } from '../../server/commands/run-command.ts';
import { generateDay } from '../../server/planning/generate/generate-day.ts';
import { describeMachine } from '../cli/machine.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    municipality: { type: 'string', default: '0180' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string' },
    results: { type: 'string', default: 'bench/results' },
  },
});
const municipality = values.municipality;
const url = values['database-url'];
const database = url
  ? await openDatabase({ kind: 'postgres', url, maxConnections: 5 })
  : await openDatabase({ kind: 'pglite', dataDir: null });
const rows: { step: string; date: string; ms: number; counts: unknown }[] = [];
try {
  await migrateDatabase(database);
  const seeded = await seedDemoData(database.db, {
    seed: Number(values.seed),
    scale: Number(values.scale),
    today: '2026-11-23',
    municipalities: [municipality],
  });
  const deps = { db: database.db, now: () => new Date('2026-11-23T12:00:00Z') };
  const run = async (step: string, date: string) => {
    const started = performance.now();
    const r = await generateDay(deps, SYSTEM, { municipality, date, team: null });
    const ms = Math.round(performance.now() - started);
    rows.push({ step, date, ms, counts: r.counts });
    console.log(step, date, `${ms} ms`, JSON.stringify(r.counts));
  };
  await run("the seed's tomorrow", '2026-11-24');
  await run('a new day', '2026-11-25');
  await run('the same day again', '2026-11-25');
  const plans = await database.db.select({ id: carePlans.id }).from(carePlans);
  const tenth = plans.filter((_, i) => i % 10 === 0).map((p) => p.id);
  await database.db
    .update(carePlans)
    .set({ durationMinutes: sql`least(${carePlans.durationMinutes} + 5, 480)` })
    .where(inArray(carePlans.id, tenth));
  await run('a tenth of the plans longer', '2026-11-25');

  const kind = url ? 'postgres' : 'pglite';
  const result = {
    benchmark: 'generate-day',
    database: kind,
    municipality,
    scale: Number(values.scale),
    seeded,
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    machine: describeMachine(),
    steps: rows,
  };
  if (values.results !== 'none') {
    const name = url ? 'generate-day-postgres' : 'generate-day';
    writeFileSync(join(values.results, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      `# Generating a day from the care plans (${kind})`,
      '',
      `\`npx tsx bench/planning/generate-day.ts --scale ${values.scale} --municipality ${municipality}${url ? ' --database-url URL' : ''}\``,
      '',
      `Seeded: ${seeded.carePlans} care plans, ${seeded.patients} patients, ${seeded.visits} visits (today and tomorrow). ` +
        `Machine: ${result.machine.cores} cores (${result.machine.cpu}), Node ${result.machine.node}, load average ${result.loadAverage.join(' / ')} at the end (shared machine).`,
      '',
      '| step | date | ms | added | updated | removed | kept | unchanged |',
      '| ---- | ---- | -: | ----: | ------: | ------: | ---: | --------: |',
      ...rows.map((r) => {
        const c = r.counts as Record<string, number>;
        return `| ${r.step} | ${r.date} | ${r.ms} | ${c.added} | ${c.updated} | ${c.removed} | ${c.keptBecauseAssigned} | ${c.unchanged} |`;
      }),
      '',
    ].join('\n');
    writeFileSync(join(values.results, `${name}.md`), md);
  }
} finally {
  await database.close();
}
