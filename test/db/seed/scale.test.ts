import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { migrateDatabase } from '../../../db/migrate.ts';
import { shifts, staff, visits } from '../../../db/schema/index.ts';
import { type SeedSummary, seedDemoData } from '../../../db/seed/seed.ts';

const ZONE = 'Europe/Stockholm';
let database: Database;
let summary: SeedSummary;
let seconds: number;

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateDatabase(database);
  const started = performance.now();
  summary = await seedDemoData(database.db, {
    seed: 1,
    scale: 1,
    today: '2026-11-23',
    municipalities: ['0180'],
  });
  seconds = (performance.now() - started) / 1000;
  console.log(`scale 1, Stockholm: ${JSON.stringify(summary)} in ${seconds.toFixed(2)} s`);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe('scale 1 for Stockholm (0180)', () => {
  it('gives about 3 visits a day per 1,000 inhabitants', async () => {
    const rows = await database.db.select({ windowStart: visits.windowStart }).from(visits);
    const perDay = new Map<string, number>();
    for (const r of rows) {
      const date = DateTime.fromJSDate(r.windowStart, { zone: ZONE }).toISODate()!;
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
    }
    expect([...perDay.keys()].sort()).toEqual(['2026-11-23', '2026-11-24']);
    for (const n of perDay.values()) {
      expect(n).toBeGreaterThanOrEqual(2500);
      expect(n).toBeLessThanOrEqual(3500);
    }
  });

  it('has enough staff on shifts to cover them', async () => {
    const staffRows = await database.db.select().from(staff);
    expect(staffRows.length).toBeGreaterThanOrEqual(200);
    const shiftRows = await database.db.select().from(shifts);
    const today = shiftRows.filter(
      (s) => DateTime.fromJSDate(s.startsAt, { zone: ZONE }).toISODate() === '2026-11-23',
    );
    expect(new Set(today.map((s) => s.staffId)).size).toBeGreaterThanOrEqual(200);
    expect(summary.teams).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(40);
  });
});
