import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { delegations, shifts } from '../../../db/schema/index.ts';
import { contactShare } from '../../../server/board/contact-share.ts';
import { delegationsExpiring } from '../../../server/board/delegations-expiring.ts';
import { parsePeriod } from '../../../server/board/period.ts';
import { plannedActual } from '../../../server/board/planned-actual.ts';
import { punctuality } from '../../../server/board/punctuality.ts';
import { urgentResponse } from '../../../server/board/urgent-response.ts';
import { visitOutcomes } from '../../../server/board/visit-outcomes.ts';
import { workingTime } from '../../../server/board/working-time.ts';
import { freshDatabase } from '../../support/databases.ts';
import { B, addPatient, addVisit, at, insertBoardWorld } from './support/board-world.ts';

const D = '2026-11-20';

/**
 * One day, 2026-11-20, windows an hour long, every visit planned for 30 minutes. Times local.
 * Patient P (contact caregiver: the AN):
 *   v1 09:00 AN done: set off 08:40, start 09:10 (in window), finish 09:40
 *   v2 11:00 RN done: set off 11:50, start 12:10 (10 min late), finish 12:50
 *   v3 14:00 AN done: start 13:50 (early), finish 14:10
 *   v4 16:00 two-person AN+RN done: set off 15:30, start 17:40 (40 late), finish 18:20
 *   v5 19:00 AN no access; v6 20:00 unplaced; v7 21:00 RN cancelled
 * Patient Q (no contact caregiver):
 *   v8 10:00 RN done: set off 11:00, start 11:30 (30 late), finish 12:00
 *   v9 urgent1 registered 13:00, window 13–14, RN: set off 13:20, start 13:45, finish 14:15
 *   v10 urgent1 registered 15:00, window 15–16, AN: start 16:30 (30 late), finish 17:00
 *   v11 urgent2 registered 08:00, assigned to the RN, not reached
 *   v12 12:00 two-person done with only the RN on it (no reports)
 * Shifts: the AN 07:00–17:00 (10 h), the RN 08:00–16:00 (8 h).
 */
describe('the visit figures of one hand-built day', () => {
  let database: Database;
  const period = parsePeriod({ from: D, to: D }, D);
  const scope = { municipalities: ['0180'], teamId: null, period };
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const db = database.db;
    await insertBoardWorld(db);
    const P = await addPatient(db, 'P', B.an);
    const Q = await addPatient(db, 'Q');
    const v = (spec: Omit<Parameters<typeof addVisit>[1], 'date'>) =>
      addVisit(db, { date: D, ...spec });
    await v({
      patientId: P,
      from: '09:00',
      staffIds: [B.an],
      enRoute: '08:40',
      started: '09:10',
      finished: '09:40',
    });
    await v({
      patientId: P,
      from: '11:00',
      staffIds: [B.rn],
      enRoute: '11:50',
      started: '12:10',
      finished: '12:50',
    });
    await v({ patientId: P, from: '14:00', staffIds: [B.an], started: '13:50', finished: '14:10' });
    await v({
      patientId: P,
      from: '16:00',
      staffIds: [B.an, B.rn],
      staffCount: 2,
      enRoute: '15:30',
      started: '17:40',
      finished: '18:20',
    });
    await v({
      patientId: P,
      from: '19:00',
      staffIds: [B.an],
      status: 'no_access',
      finished: '19:20',
    });
    await v({ patientId: P, from: '20:00' });
    await v({ patientId: P, from: '21:00', staffIds: [B.rn], status: 'cancelled' });
    await v({
      patientId: Q,
      from: '10:00',
      staffIds: [B.rn],
      enRoute: '11:00',
      started: '11:30',
      finished: '12:00',
    });
    await v({
      patientId: Q,
      from: '13:00',
      staffIds: [B.rn],
      priority: 'urgent1',
      source: 'urgent_call',
      createdAt: at(D, '13:00'),
      enRoute: '13:20',
      started: '13:45',
      finished: '14:15',
    });
    await v({
      patientId: Q,
      from: '15:00',
      staffIds: [B.an],
      priority: 'urgent1',
      source: 'urgent_call',
      createdAt: at(D, '15:00'),
      started: '16:30',
      finished: '17:00',
    });
    await v({
      patientId: Q,
      from: '08:00',
      staffIds: [B.rn],
      status: 'assigned',
      priority: 'urgent2',
      source: 'urgent_call',
      createdAt: at(D, '08:00'),
    });
    await v({ patientId: Q, from: '12:00', staffIds: [B.rn], staffCount: 2 });
    await db.insert(shifts).values([
      {
        staffId: B.an,
        municipalityCode: '0180',
        kind: 'day',
        startsAt: at(D, '07:00'),
        endsAt: at(D, '17:00'),
      },
      {
        staffId: B.rn,
        municipalityCode: '0180',
        kind: 'day',
        startsAt: at(D, '08:00'),
        endsAt: at(D, '16:00'),
      },
    ]);
  });
  afterAll(async () => database.close());

  it('contact caregiver share: P has 4 visits done, 3 with the AN on them (v1, v3, v4) = 0.75', async () => {
    expect(await contactShare(database.db, scope)).toEqual([
      { municipalityCode: '0180', day: null, visits: 4, byContact: 3, share: 0.75 },
    ]);
  });

  it('punctuality: 7 started; in window v1, v9; early v3; late ≤15 v2; 16–30 v8, v10; 31–60 v4', async () => {
    expect(await punctuality(database.db, scope, 'day')).toEqual([
      {
        municipalityCode: '0180',
        day: D,
        started: 7,
        withinWindow: 2,
        share: 2 / 7,
        buckets: { early: 1, onTime: 2, late1to15: 1, late16to30: 2, late31to60: 1, lateOver60: 0 },
      },
    ]);
  });

  it('urgent response: urgent1 45 and 90 min (median 67.5, p90 90, 1 within 60); urgent2 not reached', async () => {
    expect(await urgentResponse(database.db, scope)).toEqual([
      {
        municipalityCode: '0180',
        day: null,
        priority: 'urgent1',
        registered: 2,
        reached: 2,
        medianMinutes: 67.5,
        p90Minutes: 90,
        targetMinutes: 60,
        withinTarget: 1,
      },
      {
        municipalityCode: '0180',
        day: null,
        priority: 'urgent2',
        registered: 1,
        reached: 0,
        medianMinutes: null,
        p90Minutes: null,
        targetMinutes: 240,
        withinTarget: 0,
      },
    ]);
  });

  it('outcomes: 12 due, 8 done, 1 unplaced, 1 no access, 1 cancelled; two-person 2 done, 1 with both; 8 done over 2 patient-days', async () => {
    expect(await visitOutcomes(database.db, scope)).toEqual([
      {
        municipalityCode: '0180',
        day: null,
        visits: 12,
        done: 8,
        unplaced: 1,
        noAccess: 1,
        cancelled: 1,
        twoPerson: { done: 2, together: 1 },
        arrivalsPerPatientDay: 4,
      },
    ]);
  });

  it('planned against actual: 7 reported visits of 20, 30×4, 40×2 min against 30; travel 20, 25, 30, 30, 130', async () => {
    const [r] = await plannedActual(database.db, scope);
    expect(r).toMatchObject({
      visits: 7,
      plannedMinutes: { mean: 30 },
      actualMinutes: { median: 30 },
      overrunMinutes: { median: 0, p90: 10 },
      travelMinutes: { mean: 47, median: 30 },
    });
    expect(r.actualMinutes.mean).toBeCloseTo(220 / 7, 9);
  });

  it('working time: AN 120 min at visits, 160 travel, 80 over (v4 ends 18:20, shift 17:00); RN 100, 75, 0', async () => {
    const [r] = await workingTime(database.db, scope);
    expect(r).toMatchObject({ shifts: 2, shiftHours: 18, shiftsOverrun: 1 });
    expect(r.visitHours).toBeCloseTo(220 / 60, 9);
    expect(r.travelHours).toBeCloseTo(235 / 60, 9);
    expect(r.utilisation).toBeCloseTo(220 / 1080, 9);
    expect(r.travelShare).toBeCloseTo(235 / 1080, 9);
    expect(r.overtimeHours).toBeCloseTo(80 / 60, 9);
  });

  it('a team none of whose staff made a visit has no visit figures', async () => {
    const norr = { ...scope, teamId: B.teamNorr };
    expect(await punctuality(database.db, norr)).toEqual([]);
    expect(await visitOutcomes(database.db, norr)).toEqual([]);
  });

  it('delegations ending within 14 days, in force, not revoked, soonest first', async () => {
    const now = new Date('2026-11-20T11:00:00Z');
    const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
    const P = await addPatient(database.db, 'Delegated');
    const d = (taskType: string, staffId: string, validTo: Date, extra = {}) => ({
      staffId,
      taskType: taskType as never,
      delegatedBy: B.rn,
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validTo,
      ...extra,
    });
    await database.db.insert(delegations).values([
      d('insulin_pen', B.an, days(3)),
      d('wound_dressing', B.an, days(20)), // beyond the horizon
      d('catheter_rinse', B.an2, days(14), { patientId: P }), // the horizon's last instant
      d('stoma_care', B.an2, days(2), { revokedAt: days(-1) }), // revoked
      d('tube_feeding', B.an2, days(-1)), // already ended
    ]);
    const rows = await delegationsExpiring(database.db, ['0180'], null, now);
    expect(rows.map((r) => [r.taskType, r.staffName, r.delegatedByName, r.patientId])).toEqual([
      ['insulin_pen', 'Bo Berg', 'Anna Andersson', null],
      ['catheter_rinse', 'Cecilia Ek', 'Anna Andersson', P],
    ]);
    expect(rows[0].validTo).toEqual(days(3));
    expect(await delegationsExpiring(database.db, ['0180'], B.teamNorr, now)).toEqual([]);
  });
});
