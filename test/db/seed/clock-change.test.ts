import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { migrateDatabase } from '../../../db/migrate.ts';
import { shifts, visits } from '../../../db/schema/index.ts';
import { resetDatabase, seedDemoData } from '../../../db/seed/seed.ts';

const ZONE = 'Europe/Stockholm';
const HOUR = 3_600_000;

let database: Database;

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateDatabase(database);
});

afterAll(async () => {
  await database?.close();
});

async function seedAndRead(today: string) {
  await resetDatabase(database.db);
  await seedDemoData(database.db, {
    seed: 3,
    scale: 0.05,
    today,
    municipalities: ['0187', '0128'],
  });
  return {
    shifts: await database.db.select().from(shifts),
    visits: await database.db.select().from(visits),
  };
}

function nightsStarting(rows: (typeof shifts.$inferSelect)[], date: string) {
  return rows.filter(
    (s) =>
      s.kind === 'night' && DateTime.fromJSDate(s.startsAt, { zone: ZONE }).toISODate() === date,
  );
}

describe('shifts across the clock changes (local 22:00-07:30 nights, stored in UTC)', () => {
  it('a normal night lasts 9.5 hours; the October night (clocks back) lasts one hour more', async () => {
    const { shifts: rows, visits: v } = await seedAndRead('2026-10-24');
    const normal = nightsStarting(rows, '2026-10-23');
    expect(normal.length).toBeGreaterThan(0);
    for (const s of normal) expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(9.5 * HOUR);
    const long = nightsStarting(rows, '2026-10-24');
    expect(long.length).toBeGreaterThan(0);
    for (const s of long) {
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(10.5 * HOUR);
      expect(s.startsAt.toISOString()).toBe('2026-10-24T20:00:00.000Z'); // 22:00 CEST
      expect(s.endsAt.toISOString()).toBe('2026-10-25T06:30:00.000Z'); // 07:30 CET
    }
    // Day shifts stay 07:00-16:00 local on both sides of the change.
    for (const s of rows.filter((r) => r.kind === 'day')) {
      expect(DateTime.fromJSDate(s.startsAt, { zone: ZONE }).toFormat('HH:mm')).toBe('07:00');
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(9 * HOUR);
    }
    // Visit windows keep their local wall-clock times on the day after the change.
    const insulin = v.filter(
      (x) =>
        x.windowHard &&
        DateTime.fromJSDate(x.windowStart, { zone: ZONE }).toISODate() === '2026-10-25',
    );
    for (const x of insulin) {
      expect(['07:30', '11:30', '19:30', '20:00']).toContain(
        DateTime.fromJSDate(x.windowStart, { zone: ZONE }).toFormat('HH:mm'),
      );
    }
    for (const x of v)
      expect(x.windowEnd.getTime()).toBeGreaterThanOrEqual(x.windowStart.getTime());
  });

  it('the March night (clocks forward) lasts one hour less', async () => {
    const { shifts: rows, visits: v } = await seedAndRead('2027-03-27');
    const short = nightsStarting(rows, '2027-03-27');
    expect(short.length).toBeGreaterThan(0);
    for (const s of short) {
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(8.5 * HOUR);
      expect(s.startsAt.toISOString()).toBe('2027-03-27T21:00:00.000Z'); // 22:00 CET
      expect(s.endsAt.toISOString()).toBe('2027-03-28T05:30:00.000Z'); // 07:30 CEST
    }
    for (const s of nightsStarting(rows, '2027-03-28')) {
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(9.5 * HOUR);
    }
    for (const x of v)
      expect(x.windowEnd.getTime()).toBeGreaterThanOrEqual(x.windowStart.getTime());
  });
});
