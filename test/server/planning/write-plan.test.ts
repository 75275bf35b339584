import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { assignments, visits } from '../../../db/schema/index.ts';
import { serviceDayOf } from '../../../server/planning/demo-day.ts';
import { planServiceDay } from '../../../server/planning/plan-day.ts';
import { writePlan } from '../../../server/planning/write-plan.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';
import { planViolations } from './check-plan.ts';

const DAY = serviceDayOf('2026-11-23');
const X = '30000000-0000-4000-8000-000000000001';
const Y = '30000000-0000-4000-8000-000000000002';

/**
 * The hand-checkable dispatch world: an RN and an AN (with an insulin delegation) on day
 * shifts, a second AN the patient refuses, the RN already booked for an evening visit at
 * 20:15 (outside her shift), a morning insulin visit and a two-person lift at 10:00.
 */
describe.each(dbKinds())('planning the hand-made day on %s', (kind) => {
  let database: Database;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  const staffOf = async (visitId: string) =>
    (
      await database.db
        .select()
        .from(assignments)
        .where(eq(assignments.visitId, visitId))
        .orderBy(asc(assignments.staffId))
    ).map((a) => ({ staffId: a.staffId, at: a.plannedStart.toISOString() }));

  it('gives the lift to the RN and the AN together and never sends the refused AN', async () => {
    const summary = await planServiceDay(database.db, {
      municipality: '0180',
      ...DAY,
      now: W.now,
      timeLimitMs: 100,
      seed: 1,
    });
    // The morning visit and the lift; tomorrow's 07:30 visit belongs to tomorrow's day.
    expect(summary).toMatchObject({ visits: 2, assigned: 2, unassigned: 0, skipped: 0 });
    const lift = await staffOf(W.visitLift);
    expect(lift.map((a) => a.staffId)).toEqual([W.rn, W.an].sort());
    expect(lift[0].at).toBe(lift[1].at);
    expect(lift[0].at >= '2026-11-23T09:00:00.000Z').toBe(true);
    const morning = await staffOf(W.visitMorning);
    expect(morning).toHaveLength(1);
    expect([W.rn, W.an]).toContain(morning[0].staffId);
    expect(await staffOf(W.visitTomorrow)).toEqual([]);
    // The fixture books the evening visit outside the RN's shift; the plan itself is clean.
    const violations = await planViolations(database.db, '0180', DAY);
    expect(violations.filter((m) => !m.startsWith(`${W.visitEvening}:`))).toEqual([]);
  });

  it('stores the planned travel before each visit, from the base or the previous stop', async () => {
    // Base Söder (59.31, 18.07) to the patient (59.315, 18.072): 567.4 m great-circle × 1.3
    // detour = 738 m. Car (the RN): (738 / 8.333 m/s + 240 s) × 1.1 + 60 = 421 s. Bike (the
    // AN): (738 / 4.167 m/s + 60 s) × 1.1 + 60 = 321 s. A second visit at the same patient: 0.
    const rows = await database.db
      .select({
        staffId: assignments.staffId,
        at: assignments.plannedStart,
        travel: assignments.plannedTravelSeconds,
      })
      .from(assignments)
      .where(inArray(assignments.visitId, [W.visitMorning, W.visitLift]))
      .orderBy(asc(assignments.staffId), asc(assignments.plannedStart));
    expect(rows.length).toBe(3);
    const first = { [W.rn]: 421, [W.an]: 321 };
    rows.forEach((r, i) => {
      const firstOfRoute = i === 0 || rows[i - 1].staffId !== r.staffId;
      expect(r.travel).toBe(firstOfRoute ? first[r.staffId] : 0);
    });
  });

  it('writes nothing that changed meanwhile or clashes with a caregiver’s other visits', async () => {
    const visit = (id: string) => ({
      id,
      municipalityCode: '0180',
      patientId: W.patient,
      windowStart: new Date('2026-11-23T19:00:00Z'),
      windowEnd: new Date('2026-11-23T20:00:00Z'),
      durationMinutes: 20,
      taskTypes: ['injection' as const],
      requiredProfession: 'rn' as const,
    });
    await database.db.insert(visits).values([visit(X), visit(Y)]);
    const at = (iso: string) => new Date(iso);
    const result = await database.db.transaction((tx) =>
      writePlan(
        tx,
        [
          // Overlaps the RN's evening visit (19:15-19:35 UTC).
          {
            visitId: X,
            durationMinutes: 20,
            staff: [{ staffId: W.rn, plannedStart: at('2026-11-23T19:30:00Z'), routeOrder: 1 }],
          },
          // Planned from version 0: someone changed it since.
          {
            visitId: Y,
            durationMinutes: 20,
            staff: [{ staffId: W.an, plannedStart: at('2026-11-23T19:00:00Z'), routeOrder: 1 }],
          },
        ],
        {
          versions: new Map([
            [X, 1],
            [Y, 0],
          ]),
          now: W.now,
        },
      ),
    );
    expect(result.assigned).toBe(0);
    expect(result.skipped.sort()).toEqual([X, Y].sort());
    const rows = await database.db
      .select()
      .from(visits)
      .where(inArray(visits.id, [X, Y]));
    expect(rows.map((r) => [r.status, r.version])).toEqual([
      ['unassigned', 1],
      ['unassigned', 1],
    ]);
    expect(await staffOf(X)).toEqual([]);
  });

  it('records a plan as under way: ended visits done, started ones in progress', async () => {
    const result = await database.db.transaction((tx) =>
      writePlan(
        tx,
        [
          {
            visitId: X,
            durationMinutes: 20,
            staff: [
              { staffId: W.rn, plannedStart: new Date('2026-11-23T19:40:00Z'), routeOrder: 2 },
            ],
          },
          {
            visitId: Y,
            durationMinutes: 20,
            staff: [
              { staffId: W.an, plannedStart: new Date('2026-11-23T19:00:00Z'), routeOrder: 1 },
            ],
          },
        ],
        {
          versions: new Map([
            [X, 1],
            [Y, 1],
          ]),
          now: W.now,
          completeBefore: new Date('2026-11-23T19:45:00Z'),
        },
      ),
    );
    expect(result).toMatchObject({ assigned: 2, done: 1, inProgress: 1, skipped: [] });
    const rows = await database.db
      .select()
      .from(visits)
      .where(inArray(visits.id, [X, Y]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect([byId.get(X)!.status, byId.get(X)!.version]).toEqual(['in_progress', 2]);
    expect([byId.get(Y)!.status, byId.get(Y)!.version]).toEqual(['done', 2]);
    expect(await staffOf(X)).toEqual([{ staffId: W.rn, at: '2026-11-23T19:40:00.000Z' }]);
  });
});
