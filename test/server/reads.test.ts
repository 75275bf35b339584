import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import type { Role } from '../../server/auth/principal.ts';
import { bearer, insertUsers, loginAs, testApp } from '../support/auth.ts';
import { dbKinds, freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';

describe.each(dbKinds())('read API on %s', (kind) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    app = await testApp(database, { now: () => new Date('2026-11-23T12:00:00Z') });
  });
  afterAll(async () => database.close());

  // A Stockholm dispatcher unless the test says otherwise; the admin sees every municipality.
  const get = async (path: string, role: Role = 'dispatcher', municipality = '0180') => {
    const headers = bearer(await loginAs(app, role, municipality));
    const res = await app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('answers liveness and readiness', async () => {
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready', database: kind } });
  });

  it('pages municipalities in code order', async () => {
    const { status, body } = await get('/api/municipalities?limit=1&offset=1');
    expect(status).toBe(200);
    expect(body.page).toEqual({ limit: 1, offset: 1, total: 2 });
    expect(body.items.map((m: any) => m.name)).toEqual(['Solna']);
  });

  it('filters visits by Stockholm local day and status', async () => {
    const today = await get('/api/visits?municipality=0180&date=2026-11-23');
    expect(today.body.items.map((v: any) => v.id)).toEqual([IDS.visitMorning, IDS.visitEvening]);
    expect(today.body.items[0].windowStartLocal).toBe('2026-11-23T07:30:00+01:00');
    const open = await get('/api/visits?date=2026-11-23&status=unassigned');
    expect(open.body.items.map((v: any) => v.id)).toEqual([IDS.visitMorning]);
    const both = await get('/api/visits?status=unassigned,assigned');
    expect(both.body.page.total).toBe(3);
  });

  it("lists a caregiver's own visits with their planned starts (the phone's route order)", async () => {
    const mine = await get('/api/visits?date=2026-11-23', 'caregiver');
    expect(mine.body.items.map((v: any) => v.id)).toEqual([IDS.visitEvening]);
    expect(mine.body.items[0].assignees).toEqual([
      {
        staffId: IDS.rn,
        plannedStart: '2026-11-23T19:15:00.000Z',
        plannedStartLocal: '2026-11-23T20:15:00+01:00',
        routeOrder: 1,
      },
    ]);
    const open = await get('/api/visits?date=2026-11-23&status=unassigned');
    expect(open.body.items[0].assignees).toEqual([]);
  });

  it('filters staff by profession and reads one caregiver', async () => {
    const ans = await get('/api/staff?municipality=0180&profession=an');
    expect(ans.body.items.map((s: any) => s.hsaId)).toEqual(['SE2120001234-AN01']);
    expect((await get(`/api/staff/${IDS.rn}`)).body.name).toBe('Anna Andersson');
  });

  it('reads patients of one municipality', async () => {
    const { body } = await get('/api/patients?municipality=0184', 'dispatcher', '0184');
    expect(body.items.map((p: any) => p.id)).toEqual([IDS.patientSolna]);
  });

  it('searches patients by name or address, case-insensitive, wildcards taken literally', async () => {
    const byName = await get('/api/patients?municipality=0180&q=test%20pat');
    expect(byName.body.items.map((p: any) => p.id)).toEqual([IDS.patient]);
    const byAddress = await get('/api/patients?municipality=0180&q=sidogatan');
    expect(byAddress.body.items.map((p: any) => p.id)).toEqual([IDS.patientUnrouted]);
    expect((await get('/api/patients?municipality=0180&q=%25%25')).body.items).toEqual([]);
    expect((await get('/api/patients?q=x')).body.error.details[0].field).toBe('query.q');
  });

  it.each([
    ['/api/municipalities/9999', 404, 'path.code'],
    ['/api/municipalities/abc', 400, 'path.code'],
    ['/api/staff?municipality=9999', 404, 'query.municipality'],
    ['/api/staff?limit=abc', 400, 'query.limit'],
    ['/api/staff?limit=100000', 400, 'query.limit'],
    ['/api/staff?profession=physician', 400, 'query.profession'],
    ['/api/visits?status=sleeping', 400, 'query.status'],
    ['/api/visits?date=2026-13-45', 400, 'query.date'],
    ['/api/visits/not-a-uuid', 400, 'path.id'],
    ['/api/visits/00000000-0000-4000-8000-000000000000', 404, 'path.id'],
    ['/api/patients/00000000-0000-4000-8000-000000000000', 404, 'path.id'],
  ])('GET %s answers %i naming %s', async (path, status, field) => {
    const res = await get(path, 'admin');
    expect(res.status).toBe(status);
    expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await get('/api/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
