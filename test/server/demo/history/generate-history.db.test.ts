import { asc, count, eq, inArray, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../../../../db/client.ts';
import type { TaskType } from '../../../../db/reference/task-types.ts';
import {
  assignments,
  delegations,
  events,
  patients,
  staff,
  visitActuals,
  visits,
} from '../../../../db/schema/index.ts';
import { seedDemoData } from '../../../../db/seed/seed.ts';
import { boardFigures } from '../../../../server/board/board-figures.ts';
import { PLAIN, ROLLUPS } from '../../../../server/board/figure-queries.ts';
import { parsePeriod } from '../../../../server/board/period.ts';
import { competenceFor } from '../../../../server/domain/competence.ts';
import { localDayBounds } from '../../../../server/domain/stockholm-time.ts';
import {
  type HistorySummary,
  generateHistory,
} from '../../../../server/demo/history/generate-history.ts';
import { calibrationReport } from '../../../../server/travel/calibration/calibration-report.ts';
import { DEFAULT_ESTIMATE } from '../../../../server/solver-bridge/travel.ts';
import { type DbKind, dbKinds, freshDatabase } from '../../../support/databases.ts';

const TODAY = '2026-11-23';
const SEED = 7;
/** A small municipality, a week: enough visits for shares, fast enough for every run. */
const CODES = ['0186'];
const DAYS = 7;
const OPTIONS = { municipalities: CODES, today: TODAY, days: DAYS, seed: SEED, iterations: 50 };

async function seeded(kind: DbKind): Promise<Database> {
  const database = await freshDatabase(kind);
  await seedDemoData(database.db, { seed: SEED, scale: 0.05, today: TODAY, municipalities: CODES });
  return database;
}

/** Every row the history wrote, in a stable order, for comparing two runs. */
async function historyRows(database: Database) {
  const { db } = database;
  const before = localDayBounds(TODAY).start;
  const past = await db
    .select()
    .from(visits)
    .where(lt(visits.windowStart, before))
    .orderBy(asc(visits.id));
  const ids = past.map((v) => v.id);
  return {
    visits: past.map(({ createdAt, updatedAt, ...v }) => ({
      ...v,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
    assignments: (
      await db
        .select()
        .from(assignments)
        .where(inArray(assignments.visitId, ids))
        .orderBy(asc(assignments.visitId), asc(assignments.staffId))
    ).map(({ id: _id, ...a }) => a),
    actuals: (await db.select().from(visitActuals).orderBy(asc(visitActuals.visitId))).map(
      ({ updatedAt: _u, ...a }) => a,
    ),
    events: (
      await db
        .select()
        .from(events)
        .where(eq(events.type, 'visit.status_changed'))
        .orderBy(asc(events.seq))
    ).map((e) => ({ seq: e.seq, payload: e.payload, createdAt: e.createdAt.toISOString() })),
  };
}

describe.each(dbKinds())('generateHistory on %s', (kind) => {
  let first: Database;
  let summary: HistorySummary;

  beforeAll(async () => {
    first = await seeded(kind);
    summary = await generateHistory(first.db, OPTIONS);
  }, 180_000);

  afterAll(async () => {
    await first?.close();
  });

  it('writes the same rows for the same seed', async () => {
    const second = await seeded(kind);
    try {
      await generateHistory(second.db, OPTIONS);
      const [a, b] = [await historyRows(first), await historyRows(second)];
      expect(a.visits.length).toBeGreaterThan(50);
      expect(b).toEqual(a);
    } finally {
      await second.close();
    }
  }, 180_000);

  it('leaves every past visit finished, with one actuals row each, and adds no person', async () => {
    const { db } = first;
    const past = await db
      .select({ id: visits.id, status: visits.status })
      .from(visits)
      .where(lt(visits.windowStart, localDayBounds(TODAY).start));
    expect(past.length).toBe(summary.visits);
    expect(new Set(past.map((v) => v.status))).toEqual(new Set(['done', 'no_access', 'cancelled']));
    const actuals = await db.select().from(visitActuals);
    expect(actuals.length).toBe(past.length);
    const status = new Map(past.map((v) => [v.id, v.status]));
    for (const a of actuals) {
      expect(a.outcome).toBe(status.get(a.visitId));
      expect(a.finishedAt).not.toBeNull();
      if (a.outcome === 'done') {
        expect(a.enRouteAt!.getTime()).toBeLessThanOrEqual(a.startedAt!.getTime());
        expect(a.startedAt!.getTime()).toBeLessThan(a.finishedAt!.getTime());
      }
      if (a.outcome === 'no_access') expect(a.startedAt).toBeNull();
    }
    // The history is made of the seed's synthetic people: it adds visits, not persons.
    const [people] = await db.select({ n: count() }).from(patients);
    const [caregivers] = await db.select({ n: count() }).from(staff);
    const fresh = await seeded(kind);
    try {
      expect((await fresh.db.select({ n: count() }).from(patients))[0].n).toBe(people.n);
      expect((await fresh.db.select({ n: count() }).from(staff))[0].n).toBe(caregivers.n);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('is plausible: mostly on time, a few per cent no access, urgent calls answered', async () => {
    const { db } = first;
    const rows = await db
      .select({ v: visits, a: visitActuals })
      .from(visitActuals)
      .innerJoin(visits, eq(visits.id, visitActuals.visitId));
    const planned = rows.filter((r) => r.v.source !== 'urgent_call');
    const done = planned.filter((r) => r.a.outcome === 'done');
    const onTime = done.filter((r) => r.a.startedAt! <= r.v.windowEnd).length / done.length;
    expect(onTime).toBeGreaterThan(0.7);
    expect(onTime).toBeLessThan(0.995); // deviations, not a copy of the plan
    const noAccess = rows.filter((r) => r.a.outcome === 'no_access').length / rows.length;
    expect(noAccess).toBeGreaterThan(0.003);
    expect(noAccess).toBeLessThan(0.06);
    const cancelled = rows.filter((r) => r.a.outcome === 'cancelled').length / rows.length;
    expect(cancelled).toBeLessThan(0.1);

    const urgent = rows.filter((r) => r.v.source === 'urgent_call');
    expect(urgent.length).toBeGreaterThanOrEqual(DAYS / 2);
    expect(urgent.every((r) => r.v.priority === 'urgent1' || r.v.priority === 'urgent2')).toBe(
      true,
    );
    const response = urgent
      .filter((r) => r.a.outcome === 'done')
      .map((r) => {
        // Registered → en route → started, in that order.
        expect(r.v.createdAt.getTime()).toBeLessThan(r.a.enRouteAt!.getTime());
        expect(r.a.enRouteAt!.getTime()).toBeLessThanOrEqual(r.a.startedAt!.getTime());
        return (r.a.startedAt!.getTime() - r.v.createdAt.getTime()) / 60_000;
      })
      .sort((a, b) => a - b);
    const median = response[Math.floor(response.length / 2)];
    expect(median).toBeGreaterThan(5);
    expect(median).toBeLessThan(240);
    expect(response.at(-1)!).toBeLessThan(12 * 60);
  });

  it('has no visit made by a caregiver without the profession or a delegation', async () => {
    const { db } = first;
    const made = await db
      .select({ v: visits, a: assignments, s: staff, actual: visitActuals })
      .from(assignments)
      .innerJoin(visits, eq(visits.id, assignments.visitId))
      .innerJoin(staff, eq(staff.id, assignments.staffId))
      .innerJoin(visitActuals, eq(visitActuals.visitId, visits.id))
      .where(eq(visitActuals.outcome, 'done'));
    expect(made.length).toBeGreaterThan(50);
    const held = await db.select().from(delegations);
    for (const { v, s, actual } of made) {
      const competence = competenceFor(
        s,
        { ...v, taskTypes: v.taskTypes as TaskType[] },
        held.filter((d) => d.staffId === s.id),
        actual.startedAt!,
        actual.startedAt!,
      );
      expect(competence.kind, `${s.profession} on ${v.taskTypes.join(',')}`).not.toBe('none');
    }
  });

  it('keeps the planned travel of every visit it made, for the board to compare', async () => {
    const made = await first.db
      .select({ a: assignments, actual: visitActuals })
      .from(assignments)
      .innerJoin(visitActuals, eq(visitActuals.visitId, assignments.visitId))
      .where(eq(visitActuals.outcome, 'done'));
    expect(made.length).toBeGreaterThan(50);
    expect(made.every((m) => m.a.plannedTravelSeconds !== null)).toBe(true);
    // Reported (set off to start, waiting at the door included) against planned, per visit.
    const diffs = made
      .filter((m) => m.actual.staffId === m.a.staffId && m.actual.enRouteAt)
      .map(
        (m) =>
          (m.actual.startedAt!.getTime() - m.actual.enRouteAt!.getTime()) / 60_000 -
          m.a.plannedTravelSeconds! / 60,
      )
      .sort((a, b) => a - b);
    const median = diffs[Math.floor(diffs.length / 2)]!;
    expect(Math.abs(median)).toBeLessThan(15);
  });

  it("leaves the board's rollups of its days computed, the same figures as the plain SQL", async () => {
    const { db } = first;
    const dirty = await db.execute(sql`select count(*)::int as n from board_dirty_days
      where municipality_code = ${CODES[0]} and day between '2026-11-16' and '2026-11-22'`);
    expect(rowsOf<{ n: number }>(dirty)[0].n).toBe(0);
    const s = {
      municipalities: CODES,
      teamId: null,
      period: parsePeriod({ from: '2026-11-16', to: '2026-11-22' }, TODAY),
    };
    const plain = await boardFigures(db, s, PLAIN);
    expect(plain.outcomes.done).toBeGreaterThan(50);
    expect(await boardFigures(db, s, ROLLUPS)).toEqual(plain);
  });

  it('gives the travel calibration measured trips to report on', async () => {
    const report = await calibrationReport(
      first.db,
      { from: '2026-11-16', to: '2026-11-22', minTrips: 5 },
      DEFAULT_ESTIMATE,
    );
    expect(report.rows.length).toBeGreaterThan(0);
    const car = report.rows.find((r) => r.mode === 'car')!;
    expect(car.trips).toBeGreaterThan(20);
    // The demo's true travel is a little slower than the estimate, not wildly off.
    expect(car.measuredOverEstimated).toBeGreaterThan(0.8);
    expect(car.measuredOverEstimated).toBeLessThan(1.6);
  });
});
