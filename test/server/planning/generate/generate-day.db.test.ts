import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { assignments, auditLog, carePlans, visits } from '../../../../db/schema/index.ts';
import { SYSTEM, type CommandDeps } from '../../../../server/commands/run-command.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { generateDay } from '../../../../server/planning/generate/generate-day.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import {
  P,
  eventTypes,
  insertCarePlanWorld,
  lastSeq,
  planVisits,
} from './support/care-plan-world.ts';

const window = (v: { windowStart: Date; windowEnd: Date }) => [
  v.windowStart.toISOString(),
  v.windowEnd.toISOString(),
];

describe.each(dbKinds())('generating a day from the care plans on %s', (kind) => {
  let database: Database;
  let deps: CommandDeps;
  const day = (date: string, team: string | null = null) =>
    generateDay(deps, SYSTEM, { municipality: '0180', date, team });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertCarePlanWorld(database.db);
    deps = { db: database.db, now: () => P.now };
  });
  afterAll(async () => database.close());

  it('spring clock-change Sunday: the night window inside the skipped hour starts at 03:00', async () => {
    const seq = await lastSeq(database.db);
    const r = await day('2026-03-29');
    expect(r.counts).toEqual({
      added: 2,
      updated: 0,
      removed: 0,
      keptBecauseAssigned: 0,
      unchanged: 0,
    });
    const made = r.changes.map((c) => [c.visit.carePlanId, ...window(c.visit)]);
    expect(made.sort()).toEqual(
      [
        // 02:30-03:10: 02:30 never shows; the clock passes it at 03:00 CEST (01:00 UTC).
        [P.night, '2026-03-29T01:00:00.000Z', '2026-03-29T01:10:00.000Z'],
        // 09:00-10:00 CEST; the Mon/Wed/Fri plan makes nothing on a Sunday.
        [P.lift, '2026-03-29T07:00:00.000Z', '2026-03-29T08:00:00.000Z'],
      ].sort(),
    );
    const lift = r.changes.find((c) => c.visit.carePlanId === P.lift)!.visit;
    expect(lift).toMatchObject({
      source: 'plan',
      status: 'unassigned',
      staffCount: 2,
      durationMinutes: 45,
      taskTypes: ['lift_assist', 'personal_care'],
      municipalityCode: '0180',
      patientId: P.patientNorr,
    });
    expect(await eventTypes(database.db, seq)).toEqual([
      'visit.created',
      'visit.created',
      'day.generated',
    ]);
  });

  it('the Monday after: summer time, the Mon/Wed/Fri plan and the single visit', async () => {
    const r = await day('2026-03-30');
    expect(r.counts.added).toBe(4);
    const made = Object.fromEntries(
      r.changes.map((c) => [c.visit.carePlanId, [...window(c.visit), c.visit.source]]),
    );
    expect(made).toEqual({
      [P.morning]: ['2026-03-30T05:30:00.000Z', '2026-03-30T06:30:00.000Z', 'plan'],
      [P.night]: ['2026-03-30T00:30:00.000Z', '2026-03-30T01:10:00.000Z', 'plan'],
      [P.lift]: ['2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z', 'plan'],
      [P.once]: ['2026-03-30T08:00:00.000Z', '2026-03-30T10:00:00.000Z', 'single'],
    });
  });

  it('is idempotent: generating again adds, changes and publishes no visit', async () => {
    const before = await planVisits(database.db);
    const seq = await lastSeq(database.db);
    const r = await day('2026-03-30');
    expect(r.counts).toEqual({
      added: 0,
      updated: 0,
      removed: 0,
      keptBecauseAssigned: 0,
      unchanged: 4,
    });
    expect(r.changes).toEqual([]);
    expect(await planVisits(database.db)).toEqual(before);
    expect(await eventTypes(database.db, seq)).toEqual(['day.generated']);
  });

  it('autumn clock-change Sunday: the night window opens on the first pass of 02:30', async () => {
    const r = await day('2026-10-25');
    const made = Object.fromEntries(r.changes.map((c) => [c.visit.carePlanId, window(c.visit)]));
    expect(made).toEqual({
      // 02:30 CEST (first pass) to 03:10 CET: the repeated hour lies inside the window.
      [P.night]: ['2026-10-25T00:30:00.000Z', '2026-10-25T02:10:00.000Z'],
      [P.lift]: ['2026-10-25T08:00:00.000Z', '2026-10-25T09:00:00.000Z'], // 09:00 CET
    });
    const monday = await day('2026-10-26');
    expect(
      Object.fromEntries(monday.changes.map((c) => [c.visit.carePlanId, window(c.visit)])),
    ).toEqual({
      [P.morning]: ['2026-10-26T06:30:00.000Z', '2026-10-26T07:30:00.000Z'],
      [P.night]: ['2026-10-26T01:30:00.000Z', '2026-10-26T02:10:00.000Z'],
      [P.lift]: ['2026-10-26T08:00:00.000Z', '2026-10-26T09:00:00.000Z'],
    });
  });

  it('updates an unassigned visit whose plan changed, keeps an assigned one as it is', async () => {
    const [liftVisit] = (await planVisits(database.db)).filter(
      (v) => v.carePlanId === P.lift && v.windowStart.toISOString().startsWith('2026-03-30'),
    );
    // A dispatcher has taken the lift visit.
    await database.db
      .update(visits)
      .set({ status: 'assigned', version: liftVisit.version + 1 })
      .where(eq(visits.id, liftVisit.id));
    await database.db.insert(assignments).values({
      visitId: liftVisit.id,
      staffId: P.anNorr,
      plannedStart: liftVisit.windowStart,
      routeOrder: 1,
    });
    await database.db
      .update(carePlans)
      .set({ windowStart: '08:00', windowEnd: '09:00' })
      .where(eq(carePlans.id, P.morning));
    await database.db
      .update(carePlans)
      .set({ durationMinutes: 60 })
      .where(eq(carePlans.id, P.lift));
    const seq = await lastSeq(database.db);
    const r = await day('2026-03-30');
    expect(r.counts).toMatchObject({ added: 0, updated: 1, removed: 0, keptBecauseAssigned: 1 });
    const updated = r.changes.find((c) => c.kind === 'updated')!;
    expect(updated).toMatchObject({ fields: ['windowStart', 'windowEnd'] });
    expect(window(updated.visit)).toEqual(['2026-03-30T06:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(updated.visit.version).toBe(2);
    const kept = r.changes.find((c) => c.kind === 'kept')!;
    expect(kept).toMatchObject({
      reason: 'assigned',
      would: 'update',
      fields: ['durationMinutes'],
    });
    const [lift] = await database.db.select().from(visits).where(eq(visits.id, liftVisit.id));
    expect(lift).toEqual({ ...liftVisit, status: 'assigned', version: liftVisit.version + 1 });
    expect(await eventTypes(database.db, seq)).toEqual(['visit.updated', 'day.generated']);
  });

  it('cancels an unassigned visit whose plan ended, and brings it back when it applies again', async () => {
    await database.db
      .update(carePlans)
      .set({ validTo: '2026-03-29' })
      .where(eq(carePlans.id, P.night));
    const seq = await lastSeq(database.db);
    const removed = await day('2026-03-30');
    expect(removed.counts).toMatchObject({ added: 0, updated: 0, removed: 1 });
    // (The lift visit taken above is still reported kept: its plan still differs from it.)
    const [gone] = removed.changes.filter((c) => c.kind !== 'kept');
    expect(gone).toMatchObject({ kind: 'removed', why: 'plan_no_longer_applies' });
    expect(gone.visit).toMatchObject({ carePlanId: P.night, status: 'cancelled' });
    expect(await eventTypes(database.db, seq)).toEqual(['visit.cancelled', 'day.generated']);
    // Nothing more to do the second time.
    expect((await day('2026-03-30')).counts).toMatchObject({ added: 0, removed: 0 });

    await database.db.update(carePlans).set({ validTo: null }).where(eq(carePlans.id, P.night));
    const back = await day('2026-03-30');
    expect(back.counts).toMatchObject({ added: 1, removed: 0 });
    const [again] = back.changes.filter((c) => c.kind !== 'kept');
    expect(again).toMatchObject({ kind: 'added', restored: true });
    expect(again.visit).toMatchObject({ id: gone.visit.id, status: 'unassigned' });
    const nights = (await planVisits(database.db)).filter(
      (v) => v.carePlanId === P.night && v.windowStart.toISOString().startsWith('2026-03-30'),
    );
    expect(nights).toHaveLength(1);
  });

  it('never removes a pinned visit', async () => {
    const visitsOfOnce = (await planVisits(database.db)).filter((v) => v.carePlanId === P.once);
    expect(visitsOfOnce).toHaveLength(1);
    await database.db.update(visits).set({ pinned: true }).where(eq(visits.id, visitsOfOnce[0].id));
    await database.db
      .update(carePlans)
      .set({ validTo: '2026-03-31', validFrom: '2026-03-31' })
      .where(eq(carePlans.id, P.once));
    const r = await day('2026-03-30');
    expect(r.changes.filter((c) => c.visit.carePlanId === P.once)).toEqual([
      expect.objectContaining({ kind: 'kept', reason: 'pinned', would: 'remove' }),
    ]);
    expect(r.counts).toMatchObject({ removed: 0, keptBecauseAssigned: 2 });
    const [still] = await database.db
      .select()
      .from(visits)
      .where(eq(visits.id, visitsOfOnce[0].id));
    expect(still).toEqual(visitsOfOnce[0] && { ...visitsOfOnce[0], pinned: true });
  });

  it('one team: only the patients whose contact caregiver is in it', async () => {
    const norr = await day('2026-04-01', P.teamNorr);
    expect(norr.changes.map((c) => c.visit.carePlanId)).toEqual([P.lift]);
    const all = await day('2026-04-01');
    expect(all.counts).toMatchObject({ added: 2, unchanged: 1 }); // a Wednesday
    expect(all.changes.map((c) => c.visit.carePlanId).sort()).toEqual([P.morning, P.night].sort());
    // Team Söder's generation does not see (so cannot remove) Norr's visits.
    await database.db
      .update(carePlans)
      .set({ validTo: '2026-03-31' })
      .where(eq(carePlans.id, P.lift));
    const soder = await day('2026-04-01', P.team);
    expect(soder.changes).toEqual([]);
    await database.db.update(carePlans).set({ validTo: null }).where(eq(carePlans.id, P.lift));
  });

  it('generations of the same day at once make each visit once', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => day('2026-04-03')));
    expect(results.map((r) => r.counts.added).sort()).toEqual([0, 0, 0, 0, 0, 3]);
    const friday = (await planVisits(database.db)).filter((v) =>
      v.windowStart.toISOString().startsWith('2026-04-03'),
    );
    expect(friday.map((v) => v.carePlanId).sort()).toEqual([P.lift, P.morning, P.night].sort());
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const before = await planVisits(database.db);
    const seq = await lastSeq(database.db);
    const refused = async (scope: {
      municipality?: string;
      date?: string;
      team?: string | null;
    }) => {
      const err = await generateDay(deps, SYSTEM, {
        municipality: '0180',
        date: '2026-04-06',
        team: null,
        ...scope,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      const e = err as AppError;
      return [e.status, e.details[0]?.field];
    };
    expect(await refused({ date: '2026-03-19' })).toEqual([400, 'date']); // yesterday
    expect(await refused({ date: '2026-02-30' })).toEqual([400, 'date']);
    expect(await refused({ date: '2028-01-01' })).toEqual([400, 'date']);
    expect(await refused({ municipality: '9999' })).toEqual([404, 'municipality']);
    expect(await refused({ team: '40000000-0000-4000-8000-00000000ffff' })).toEqual([404, 'team']);
    expect(await refused({ team: P.teamSolna })).toEqual([404, 'team']); // Solna's team
    expect(await planVisits(database.db)).toEqual(before);
    expect(await lastSeq(database.db)).toBe(seq);
  });

  it("leaves visits that are not the plans' alone", async () => {
    const [morning] = await database.db.select().from(visits).where(eq(visits.id, P.visitMorning));
    await day('2026-11-23');
    const [after] = await database.db.select().from(visits).where(eq(visits.id, P.visitMorning));
    expect(after).toEqual(morning);
  });

  it('audits the patients whose visits a person generated', async () => {
    const actor = {
      principal: {
        userId: '00000000-0000-4000-8000-0000000000aa',
        username: 'scheduler-0180',
        role: 'scheduler' as const,
        municipalities: ['0180'],
        teams: [],
        staffId: null,
      },
      requestId: 'req-generate',
    };
    await generateDay(deps, actor, { municipality: '0180', date: '2026-04-08', team: P.teamNorr });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, 'req-generate'));
    expect(rows.map((r) => [r.action, r.patientId])).toEqual([['visit.generate', P.patientNorr]]);
  });
});
