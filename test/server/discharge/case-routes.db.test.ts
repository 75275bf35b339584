import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { auditLog, events, visits } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { createIntegrationClient } from '../../../server/discharge/api-keys.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';
import { message, post } from './support.ts';

// Now: Wednesday 25 November 2026, 13:00 in Stockholm.
const NOW = new Date('2026-11-25T12:00:00Z');

describe.each(dbKinds())('discharge cases on %s', (kind) => {
  let database: Database;
  let app: App;
  let key: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    key = (await createIntegrationClient(database.db, 'lifecare-sp', ['0180', '0184'])).key;
    app = await testApp(database, { now: () => NOW });
    const ready = (
      stay: string,
      id: string,
      readyAt: string,
      patientId = IDS.patient,
      m = '0180',
    ) =>
      post(
        app,
        key,
        message(
          id,
          'ready_for_discharge',
          readyAt,
          { readyAt },
          { stayId: stay, patientId, municipality: m },
        ),
      );
    // Ready Monday 23rd: pays from Wednesday 25th (today): 1 day charged.
    await ready('A', 'a-ready', '2026-11-23T09:00:00Z');
    // Ready Tuesday 24th: pays from Thursday 26th: 1 day left.
    await ready('B', 'b-ready', '2026-11-24T09:00:00Z');
    // Ready Saturday 21st: pays from Monday 23rd: 3 days charged (Mon, Tue, Wed).
    await ready('C', 'c-ready', '2026-11-21T09:00:00Z', IDS.patientUnrouted);
    // Admitted only: no clock yet.
    await post(
      app,
      key,
      message(
        'd-adm',
        'admission',
        '2026-11-24T09:00:00Z',
        {
          hospital: 'Danderyd',
          ward: 'Avd 1',
          needs: ['medication', 'two_person_transfer'],
          expectedDischargeDate: '2026-11-27',
        },
        { stayId: 'D' },
      ),
    );
    // Discharged: not open.
    await ready('E', 'e-ready', '2026-11-20T09:00:00Z');
    await post(
      app,
      key,
      message(
        'e-done',
        'discharged',
        '2026-11-24T09:00:00Z',
        { dischargedAt: '2026-11-24T09:00:00Z' },
        { stayId: 'E' },
      ),
    );
    // Solna: outside a Stockholm user's scope.
    await ready('S', 's-ready', '2026-11-23T09:00:00Z', IDS.patientSolna, '0184');
  });
  afterAll(async () => database.close());

  const get = async (
    path: string,
    role: 'scheduler' | 'manager' | 'caregiver' | 'admin' = 'scheduler',
  ) => {
    const res = await app.request(path, { headers: bearer(await loginAs(app, role)) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('lists open cases, costing money first, then by days left; audits each patient', async () => {
    const { status, body } = await get('/api/discharge/cases?municipality=0180');
    expect(status).toBe(200);
    expect(
      body.items.map((c: any) => [
        c.stayId,
        c.clock.liableDays,
        c.clock.daysToLiability,
        c.clock.costSek,
      ]),
    ).toEqual([
      ['C', 3, -2, 27_900],
      ['A', 1, 0, 9_300],
      ['B', 0, 1, 0],
      ['D', 0, null, 0],
    ]);
    // The names come with the list (one query, not a read per patient).
    expect(body.items.map((c: any) => c.patientName)).toEqual([
      'Utan Rutt',
      'Test Patient',
      'Test Patient',
      'Test Patient',
    ]);
    expect(body.items.every((c: any) => c.locationConfirmed === true)).toBe(true);
    // One audit row per patient shown, not per case: four cases, two patients.
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'discharge.list'));
    expect(rows.map((r) => r.patientId).sort()).toEqual([IDS.patient, IDS.patientUnrouted].sort());
  });

  it('sums the open cases up without patient data and without an audit row', async () => {
    const before = (await database.db.select().from(auditLog)).length;
    const { status, body } = await get('/api/discharge/summary?municipality=0180', 'manager');
    expect(status).toBe(200);
    // C (3 days) and A (1 day) cost 4 × 9,300, all in November; B is liable tomorrow. The
    // month also pays for E, discharged this month: ready Friday 20th (day 0), free 20th and
    // 21st, liable 22nd and 23rd, discharged the 24th (not charged): 2 × 9,300.
    expect(body).toEqual({
      open: 4,
      notReady: 1,
      costing: 2,
      liableTomorrow: 1,
      costSek: 37_200,
      monthCostSek: 37_200 + 18_600,
      nearestDaysToLiability: 1,
      // E: ready Friday 20th 10:00, discharged Tuesday 24th 10:00 (Stockholm): 96 hours.
      leadTime: { cases: 1, medianHours: 96, p90Hours: 96 },
    });
    expect((await database.db.select().from(auditLog)).length).toBe(before);
    expect((await get('/api/discharge/summary?municipality=0184')).status).toBe(403);
    expect((await get('/api/discharge/summary', 'caregiver')).status).toBe(403);
  });

  it('scopes to the user’s municipalities: 403 on a foreign one, the case 404', async () => {
    expect((await get('/api/discharge/cases?municipality=0184')).status).toBe(403);
    const all = await get('/api/discharge/cases');
    expect(all.body.items.every((c: any) => c.municipality === '0180')).toBe(true);
    const solna = (await get('/api/discharge/cases?municipality=0184', 'admin')).body.items[0];
    expect((await get(`/api/discharge/cases/${solna.id}`)).status).toBe(404);
    expect((await get(`/api/discharge/cases/${solna.id}`, 'caregiver')).status).toBe(403);
  });

  it('ready-for-discharge proposes first visits from the needs; a scheduler confirms them into the live queue', async () => {
    await post(
      app,
      key,
      message(
        'd-ready',
        'ready_for_discharge',
        '2026-11-25T08:00:00Z',
        { readyAt: '2026-11-25T08:00:00Z' },
        { stayId: 'D' },
      ),
    );
    // Planned home at 11:00 on Friday 27th (10:00 UTC).
    await post(
      app,
      key,
      message(
        'd-plan',
        'planned_discharge',
        '2026-11-25T09:00:00Z',
        { plannedDischargeAt: '2026-11-27T11:00:00+01:00' },
        { stayId: 'D' },
      ),
    );
    const list = (await get('/api/discharge/cases?municipality=0180')).body.items;
    const id = list.find((c: any) => c.stayId === 'D').id;
    const one = await get(`/api/discharge/cases/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.timeline.map((t: any) => t.kind)).toEqual([
      'admission',
      'ready_for_discharge',
      'planned_discharge',
    ]);
    expect(
      one.body.proposedVisits.map((v: any) => [v.need, v.taskTypes, v.staffCount, v.windowStart]),
    ).toEqual([
      ['nursing_assessment', ['nursing_assessment'], 1, '2026-11-27T11:00:00.000Z'], // arrival + 1 h
      ['medication', ['dose_dispensing'], 1, '2026-11-27T12:00:00.000Z'], // + 2 h
      ['two_person_transfer', ['lift_assist'], 2, '2026-11-27T10:30:00.000Z'], // + 30 min
    ]);
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'discharge.read'), eq(auditLog.patientId, IDS.patient)));
    expect(audited.length).toBe(1);

    const token = await loginAs(app, 'scheduler');
    const confirm = (body: unknown) =>
      app.request(`/api/discharge/cases/${id}/visits/confirm`, {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = await confirm({
      visits: [
        {
          taskTypes: ['lift_assist'],
          durationMinutes: 30,
          windowStart: '2026-11-27T12:00:00Z',
          windowEnd: '2026-11-27T11:00:00Z',
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.details[0].field).toBe('body.visits.0.windowEnd');
    const ok = await confirm({});
    expect(ok.status).toBe(200);
    const { visitIds } = (await ok.json()) as any;
    expect(visitIds).toHaveLength(3);
    const created = await database.db.select().from(visits).where(eq(visits.source, 'discharge'));
    expect(created.map((v) => v.status)).toEqual(['unassigned', 'unassigned', 'unassigned']);
    const live = await database.db.select().from(events).where(eq(events.type, 'visit.created'));
    expect(live.length).toBe(3);
    expect((await confirm({})).status).toBe(409);
  });
});
