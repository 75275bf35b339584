import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { auditLog, users } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import type { Role } from '../../../server/auth/principal.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';

const REASON = 'Larm från trygghetslarm, patientens ordinarie team nås inte';

describe.each(dbKinds())('patient-data audit on %s', (kind) => {
  let database: Database;
  let app: App;
  let seen = 0;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    app = await testApp(database);
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    seen = (await database.db.select({ n: count() }).from(auditLog))[0].n;
  });

  /** Rows written since the test began, oldest first. */
  const newRows = async () =>
    (await database.db.select().from(auditLog).orderBy(asc(auditLog.id))).slice(seen);
  const userId = async (username: string) =>
    (await database.db.select().from(users).where(eq(users.username, username)))[0].id;

  const request = async (
    path: string,
    role: Role = 'dispatcher',
    init: {
      municipality?: string;
      headers?: Record<string, string>;
      method?: string;
      body?: unknown;
    } = {},
  ) => {
    const headers: Record<string, string> = {
      ...bearer(await loginAs(app, role, init.municipality ?? '0180')),
      ...init.headers,
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('writes one row per patient returned by a list, with user, role, unit and request id', async () => {
    const res = await request('/api/patients', 'dispatcher', {
      headers: { 'x-request-id': 'req-list-1' },
    });
    expect(res.status).toBe(200);
    const rows = await newRows();
    expect(rows.map((r) => r.patientId).sort()).toEqual([IDS.patient, IDS.patientUnrouted].sort());
    for (const r of rows) {
      expect(r).toMatchObject({
        userId: await userId('dispatcher-0180'),
        role: 'dispatcher',
        municipalityCode: '0180',
        unit: '0180',
        action: 'patient.list',
        requestId: 'req-list-1',
        emergency: false,
        reason: null,
      });
      expect(r.at.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    }
  });

  it('writes one row for a single read, one per distinct patient of a visit list, none for staff', async () => {
    await request(`/api/patients/${IDS.patient}`, 'scheduler');
    await request('/api/visits?municipality=0180', 'manager');
    await request(`/api/visits/${IDS.visitMorning}`, 'dispatcher');
    await request('/api/staff', 'dispatcher');
    const rows = await newRows();
    expect(rows.map((r) => [r.action, r.role, r.patientId])).toEqual([
      ['patient.read', 'scheduler', IDS.patient],
      ['visit.list', 'manager', IDS.patient],
      ['visit.read', 'dispatcher', IDS.patient],
    ]);
  });

  it('writes nothing when nothing is returned', async () => {
    await request(`/api/patients/${IDS.patientSolna}`, 'dispatcher');
    await request('/api/patients?municipality=0184', 'dispatcher');
    expect(await newRows()).toEqual([]);
  });

  it('audits a change in its own transaction: a refused change leaves no row', async () => {
    const body = {
      municipality: '0180',
      patientId: IDS.patient,
      windowStart: '2026-11-23T14:00:00+01:00',
      windowEnd: '2026-11-23T15:00:00+01:00',
      durationMinutes: 30,
      taskTypes: ['wound_dressing'],
    };
    const ok = await request('/api/visits', 'dispatcher', {
      method: 'POST',
      body,
      headers: { 'x-request-id': 'req-create' },
    });
    expect(ok.status).toBe(201);
    const bad = await request('/api/visits', 'dispatcher', {
      method: 'POST',
      body: { ...body, patientId: IDS.patientSolna },
    });
    expect(bad.status).toBe(404);
    const rows = await newRows();
    expect(rows.map((r) => [r.action, r.patientId, r.requestId])).toEqual([
      ['visit.create', IDS.patient, 'req-create'],
    ]);
  });

  describe('emergency access (nödåtkomst)', () => {
    const header = { 'x-emergency-access-reason': REASON };

    it('lets a dispatcher read a foreign patient with a reason, flagged', async () => {
      expect((await request(`/api/patients/${IDS.patientSolna}`)).status).toBe(404);
      const res = await request(`/api/patients/${IDS.patientSolna}`, 'dispatcher', {
        headers: header,
      });
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('Solna Patient');
      const list = await request(`/api/visits?patient=${IDS.patientSolna}`, 'dispatcher', {
        headers: header,
      });
      expect(list.status).toBe(200);
      const rows = await newRows();
      expect(
        rows.map((r) => [r.action, r.patientId, r.municipalityCode, r.emergency, r.reason]),
      ).toEqual([
        ['patient.read', IDS.patientSolna, '0184', true, REASON],
        ['visit.list', IDS.patientSolna, '0184', true, REASON],
      ]);
    });

    it.each([
      ['the patient list', '/api/patients'],
      ['the patient list of another municipality', '/api/patients?municipality=0184'],
      ['the visit list of another municipality', '/api/visits?municipality=0184'],
      ['the visit list of a day', '/api/visits?date=2026-11-23'],
    ])('refuses %s, writing nothing: emergency access is for one patient', async (_n, path) => {
      for (const role of ['dispatcher', 'caregiver'] as Role[]) {
        const res = await request(path, role, { headers: header });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('emergency_access_not_for_lists');
        expect(JSON.stringify(res.body)).not.toContain('Solna Patient');
      }
      expect(await newRows()).toEqual([]);
    });

    it('does not flag an access that was in scope anyway', async () => {
      await request(`/api/patients/${IDS.patient}`, 'dispatcher', { headers: header });
      expect((await newRows()).map((r) => [r.emergency, r.reason])).toEqual([[false, null]]);
    });

    it('lets a caregiver read a patient off their route, flagged', async () => {
      const res = await request(`/api/patients/${IDS.patientUnrouted}`, 'caregiver', {
        headers: header,
      });
      expect(res.status).toBe(200);
      expect((await newRows()).map((r) => [r.role, r.emergency])).toEqual([['caregiver', true]]);
    });

    it.each([
      ['no reason', 'dispatcher' as Role, '   ', 'GET', 400],
      ['a too short reason', 'dispatcher' as Role, 'akut', 'GET', 400],
      ['a role without emergency access', 'scheduler' as Role, REASON, 'GET', 403],
      ['a manager', 'manager' as Role, REASON, 'GET', 403],
    ])('refuses %s, writing nothing', async (_name, role, reason, method, status) => {
      const res = await request(`/api/patients/${IDS.patientSolna}`, role, {
        method,
        headers: { 'x-emergency-access-reason': reason },
      });
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body)).not.toContain('Solna Patient');
      expect(await newRows()).toEqual([]);
    });

    it('is for reading only', async () => {
      const res = await request('/api/visits', 'dispatcher', {
        method: 'POST',
        headers: header,
        body: {
          municipality: '0184',
          patientId: IDS.patientSolna,
          windowStart: '2026-11-23T14:00:00+01:00',
          windowEnd: '2026-11-23T15:00:00+01:00',
          durationMinutes: 30,
          taskTypes: ['wound_dressing'],
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('header.x-emergency-access-reason');
    });
  });

  describe('manager tools', () => {
    it("extracts one patient's log, newest first, and audits the extract", async () => {
      await request(`/api/patients/${IDS.patient}`, 'caregiver', {
        headers: { 'x-request-id': 'by-caregiver' },
      });
      const res = await request(`/api/audit/patients/${IDS.patient}?limit=500`, 'manager');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(3);
      expect(res.body.items.every((r: any) => r.patientId === IDS.patient)).toBe(true);
      expect(res.body.items[0]).toMatchObject({
        requestId: 'by-caregiver',
        username: 'caregiver-0180',
      });
      const rows = await newRows();
      expect(rows.at(-1)).toMatchObject({
        action: 'audit.extract',
        role: 'manager',
        patientId: IDS.patient,
      });
      // A Solna manager cannot learn that this patient exists.
      expect(
        (await request(`/api/audit/patients/${IDS.patient}`, 'manager', { municipality: '0184' }))
          .status,
      ).toBe(404);
    });

    it('draws the same sample for the same seed, within scope, with every emergency access', async () => {
      const a = await request('/api/audit/review?sample=3&seed=7', 'manager');
      const b = await request('/api/audit/review?sample=3&seed=7', 'manager');
      expect(a.status).toBe(200);
      expect(a.body.sample).toHaveLength(3);
      expect(a.body.sample.map((r: any) => r.id)).toEqual(b.body.sample.map((r: any) => r.id));
      const other = await request('/api/audit/review?sample=3&seed=8', 'manager');
      expect(other.body.sample.map((r: any) => r.id)).not.toEqual(
        a.body.sample.map((r: any) => r.id),
      );
      expect(a.body.sample.every((r: any) => r.municipalityCode === '0180')).toBe(true);
      // The Solna manager reviews the emergency reads of Solna patients made from Stockholm.
      const solna = await request('/api/audit/review?sample=50', 'manager', {
        municipality: '0184',
      });
      expect(solna.body.emergency.length).toBeGreaterThanOrEqual(2);
      expect(solna.body.emergency.every((r: any) => r.emergency && r.reason === REASON)).toBe(true);
    });

    it('offers no way to change or delete the log', async () => {
      const token = await loginAs(app, 'admin');
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
        const res = await app.request('/api/audit/patients/' + IDS.patient, {
          method,
          headers: { ...bearer(token), 'content-type': 'application/json' },
          body: method === 'DELETE' ? undefined : '{}',
        });
        expect(res.status).toBe(404);
      }
    });
  });
});
