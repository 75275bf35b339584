import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { assignments, carePlans, delegations, staff, visits } from '../../../../db/schema/index.ts';
import { SYSTEM, type CommandDeps } from '../../../../server/commands/run-command.ts';
import { competenceFor } from '../../../../server/domain/competence.ts';
import { generateDay } from '../../../../server/planning/generate/generate-day.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import { IDS, insertFixture } from '../../../support/fixtures.ts';

/**
 * The hand-worked example of issue 18's "fewer arrivals": the fixture's patient has morning
 * care 07:00-09:00 (AN, 30 min) and insulin by pen 07:30-08:30 (RN, delegable, hard, 15 min)
 * every day. On Tuesday 24 March 2026 (CET, UTC+1) they make one visit 07:30-08:30
 * (06:30-07:30 UTC) of both tasks, 45 minutes, which an AN with an insulin delegation for the
 * patient may make and an AN without one may not.
 */
const MORNING = '52000000-0000-4000-8000-000000000001';
const INSULIN = '52000000-0000-4000-8000-000000000002';
const AN_WITHOUT = '52000000-0000-4000-8000-000000000003';
const DAY = '2026-03-24';
const NOW = new Date('2026-03-20T12:00:00Z');

describe.each(dbKinds())('combined visits from the care plans on %s', (kind) => {
  let database: Database;
  let deps: CommandDeps;
  const generate = (combine = true) =>
    generateDay(deps, SYSTEM, { municipality: '0180', date: DAY, team: null }, undefined, {
      combine,
    });
  /** The day's live plan-made visits of the patient (not cancelled). */
  const live = async () =>
    (
      await database.db
        .select()
        .from(visits)
        .where(and(eq(visits.patientId, IDS.patient), isNotNull(visits.carePlanId)))
    ).filter((v) => v.status !== 'cancelled');

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await database.db.insert(staff).values({
      id: AN_WITHOUT,
      hsaId: 'SE2120001234-AN52',
      name: 'Utan Delegering',
      profession: 'an',
      municipalityCode: '0180',
      teamId: IDS.team,
      travelMode: 'bike',
    });
    await database.db.insert(delegations).values({
      staffId: IDS.an,
      taskType: 'insulin_pen',
      delegatedBy: IDS.rn,
      patientId: IDS.patient,
      validFrom: new Date('2026-03-01T00:00:00Z'),
      validTo: new Date('2027-02-28T00:00:00Z'),
    });
    const daily = [1, 2, 3, 4, 5, 6, 7];
    await database.db.insert(carePlans).values([
      {
        id: MORNING,
        patientId: IDS.patient,
        taskTypes: ['personal_care'],
        requiredProfession: 'an',
        durationMinutes: 30,
        windowStart: '07:00',
        windowEnd: '09:00',
        daysOfWeek: daily,
        validFrom: '2026-03-01',
      },
      {
        id: INSULIN,
        patientId: IDS.patient,
        taskTypes: ['insulin_pen'],
        requiredProfession: 'rn',
        durationMinutes: 15,
        windowStart: '07:30',
        windowEnd: '08:30',
        windowHard: true,
        daysOfWeek: daily,
        validFrom: '2026-03-01',
      },
    ]);
    deps = { db: database.db, now: () => NOW };
  });
  afterAll(async () => database.close());

  it('insulin 07:30-08:30 and morning care 07:00-09:00 make one visit 07:30-08:30', async () => {
    const r = await generate();
    expect(r.counts).toEqual({
      added: 1,
      updated: 0,
      removed: 0,
      keptBecauseAssigned: 0,
      unchanged: 0,
    });
    const [visit] = await live();
    expect(await live()).toHaveLength(1);
    expect(visit).toMatchObject({
      carePlanId: MORNING,
      alsoCarePlanIds: [INSULIN],
      windowStart: new Date('2026-03-24T06:30:00Z'),
      windowEnd: new Date('2026-03-24T07:30:00Z'),
      windowHard: true,
      durationMinutes: 45,
      requiredProfession: 'rn',
      staffCount: 1,
      status: 'unassigned',
    });
    expect([...visit.taskTypes].sort()).toEqual(['insulin_pen', 'personal_care']);
  });

  it('an AN with the insulin delegation may make it, an AN without one may not', async () => {
    const [visit] = await live();
    const held = await database.db.select().from(delegations);
    const start = visit.windowStart;
    const end = new Date(start.getTime() + visit.durationMinutes * 60_000);
    const an = { id: IDS.an, profession: 'an' as const };
    expect(competenceFor(an, visit, held, start, end).kind).toBe('delegation');
    expect(competenceFor({ id: AN_WITHOUT, profession: 'an' }, visit, held, start, end)).toEqual({
      kind: 'none',
      reason: 'no valid delegation for insulin_pen over the visit',
    });
  });

  it('is idempotent: generating again changes nothing', async () => {
    const before = await database.db.select().from(visits);
    const r = await generate();
    expect(r.counts).toEqual({
      added: 0,
      updated: 0,
      removed: 0,
      keptBecauseAssigned: 0,
      unchanged: 1,
    });
    expect(r.changes).toEqual([]);
    expect(await database.db.select().from(visits)).toEqual(before);
  });

  it('combining off splits the free visit; on again combines it, cancelling the other', async () => {
    const off = await generate(false);
    expect(off.counts).toMatchObject({ added: 1, updated: 1, removed: 0 });
    expect((await live()).map((v) => [v.carePlanId, v.alsoCarePlanIds]).sort()).toEqual(
      [
        [MORNING, []],
        [INSULIN, []],
      ].sort(),
    );
    expect((await generate(false)).counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const on = await generate();
    expect(on.counts).toMatchObject({ added: 0, updated: 1, removed: 1 });
    expect(on.changes.find((c) => c.kind === 'removed')).toMatchObject({
      why: 'combined',
      visit: { carePlanId: INSULIN, status: 'cancelled' },
    });
    expect((await live()).map((v) => [v.carePlanId, v.alsoCarePlanIds])).toEqual([
      [MORNING, [INSULIN]],
    ]);
    expect((await generate()).counts).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
  });

  it('an assigned combined visit is never split or changed, combining on or off', async () => {
    const [visit] = await live();
    await database.db
      .update(visits)
      .set({ status: 'assigned', version: visit.version + 1 })
      .where(eq(visits.id, visit.id));
    await database.db.insert(assignments).values({
      visitId: visit.id,
      staffId: IDS.an,
      plannedStart: visit.windowStart,
      routeOrder: 1,
    });
    // The insulin plan may no longer be combined, and takes longer.
    await database.db
      .update(carePlans)
      .set({ combinable: false, durationMinutes: 20 })
      .where(eq(carePlans.id, INSULIN));
    const before = await database.db.select().from(visits);
    for (const combine of [true, false]) {
      const r = await generate(combine);
      expect(r.counts).toEqual({
        added: 0,
        updated: 0,
        removed: 0,
        keptBecauseAssigned: 1,
        unchanged: 0,
      });
      expect(r.changes[0]).toMatchObject({
        kind: 'kept',
        reason: 'assigned',
        would: 'update',
        fields: ['durationMinutes'],
      });
      expect(await database.db.select().from(visits)).toEqual(before);
    }
  });
});
