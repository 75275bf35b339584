import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { migrateDatabase } from '../../../db/migrate.ts';
import { assignments, events, visits } from '../../../db/schema/index.ts';
import { seedDemoData } from '../../../db/seed/seed.ts';
import { serviceDayRange } from '../../../server/day/service-day.ts';
import type { PlanDaySummary } from '../../../server/planning/plan-day.ts';
import { planDemoDay, planTotals, serviceDayOf } from '../../../server/planning/demo-day.ts';
import { planViolations } from './check-plan.ts';

const TODAY = '2026-11-23';
const CODES = ['0191', '0186'];
const NOW = new Date('2026-11-23T12:00:00Z'); // 13:00 in Stockholm: the day is under way

describe('serviceDayOf', () => {
  it('is local midnight to 07:30 the next morning, as the live snapshot has it', () => {
    expect(serviceDayOf(TODAY)).toEqual({
      from: new Date('2026-11-22T23:00:00Z'),
      to: new Date('2026-11-24T06:30:00Z'),
    });
    const snapshot = serviceDayRange(NOW);
    expect(serviceDayOf(TODAY)).toEqual({ from: snapshot.start, to: snapshot.end });
  });

  it('follows the clock change: 23 hours of day when summer time starts', () => {
    expect(serviceDayOf('2026-03-29')).toEqual({
      from: new Date('2026-03-28T23:00:00Z'),
      to: new Date('2026-03-30T05:30:00Z'),
    });
  });
});

describe('planDemoDay', () => {
  let database: Database;
  let plans: PlanDaySummary[];

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateDatabase(database);
    await seedDemoData(database.db, { seed: 3, scale: 0.2, today: TODAY, municipalities: CODES });
    plans = await planDemoDay(database.db, {
      municipalities: CODES,
      today: TODAY,
      now: NOW,
      timeLimitMs: 100,
      seed: 3,
    });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('plans every municipality, with the part before now recorded as worked', async () => {
    expect(plans.map((p) => p.municipality)).toEqual(CODES);
    const day = serviceDayOf(TODAY);
    const rows = await database.db
      .select({ v: visits, a: assignments })
      .from(visits)
      .innerJoin(assignments, eq(assignments.visitId, visits.id))
      .where(
        and(
          inArray(visits.municipalityCode, CODES),
          gte(visits.windowStart, day.from),
          lt(visits.windowStart, day.to),
        ),
      );
    for (const { v, a } of rows) {
      const start = a.plannedStart.getTime();
      const end = start + v.durationMinutes * 60_000;
      const expected =
        end <= NOW.getTime() ? 'done' : start < NOW.getTime() ? 'in_progress' : 'assigned';
      expect(v.status, `${v.id} ${a.plannedStart.toISOString()}`).toBe(expected);
    }
    const t = planTotals(plans);
    expect(t.done).toBeGreaterThan(0);
    expect(t.assigned - t.done - t.inProgress).toBeGreaterThan(0);
    expect(new Set(rows.filter((r) => r.v.status === 'done').map((r) => r.v.id)).size).toBe(t.done);
    for (const code of CODES) expect(await planViolations(database.db, code, day)).toEqual([]);
    const log = await database.db
      .select()
      .from(events)
      .where(inArray(events.municipalityCode, CODES));
    expect(log.map((e) => [e.municipalityCode, e.type]).sort()).toEqual(
      CODES.map((c) => [c, 'day.planned']).sort(),
    );
  });
});
