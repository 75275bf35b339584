import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import type { App } from '../../../server/app.ts';
import { ROLES } from '../../../server/auth/principal.ts';
import { createUser } from '../../../server/auth/users.ts';
import {
  TEST_COST,
  bearer,
  insertUsers,
  loginAs,
  passwordOf,
  testApp,
  usernameOf,
} from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { FOREIGN_PATIENT_DATA, IDS, insertFixture } from '../../support/fixtures.ts';
import { MATRIX, type MatrixRow, type Req } from './matrix.ts';

/** A fixed web page for the `GET /*` row, whether or not web/dist is built. */
const WEB_PAGE = fileURLToPath(new URL('./web-page', import.meta.url));

const FOREIGN = [...FOREIGN_PATIENT_DATA, IDS.patientSolna, IDS.visitSolna];

function send(app: App, req: Req, token?: string) {
  const headers: Record<string, string> = token ? bearer(token) : {};
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  return app.request(req.path, {
    method: req.method ?? 'GET',
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
  });
}

/** The routes the app really has, as `METHOD /path`. */
function registeredRoutes(app: App): string[] {
  return [
    ...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
  ].sort();
}

describe.each(dbKinds())('authorisation matrix on %s', (kind) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    app = await testApp(database, { webDist: WEB_PAGE });
  });
  afterAll(async () => database.close());

  it('lists every route of the app', () => {
    expect(MATRIX.map((r) => r.route).sort()).toEqual(registeredRoutes(app));
  });

  it.each(MATRIX.map((r) => [r.route, r] as [string, MatrixRow]))(
    '%s without a log-in answers 401 unless public',
    async (_route, row) => {
      const res = await send(app, row.request('own', 'dispatcher'));
      if (row.public) expect(res.status).toBeLessThan(400);
      else {
        expect(res.status).toBe(401);
        expect(((await res.json()) as any).error.code).toBe('unauthenticated');
      }
    },
  );

  const cases = MATRIX.flatMap((row) =>
    ROLES.flatMap((role) =>
      (['own', 'foreign'] as const).map(
        (target) =>
          [row.route, role, target, row.expect[role][target === 'own' ? 0 : 1], row] as const,
      ),
    ),
  );

  it.each(cases)('%s as %s on %s municipality → %i', async (_route, role, target, status, row) => {
    let token = await loginAs(app, role);
    if (row.freshToken) {
      const res = await send(app, {
        path: '/api/auth/login',
        method: 'POST',
        body: { username: usernameOf(role, '0180'), password: passwordOf(role, '0180') },
      });
      token = ((await res.json()) as { token: string }).token;
    }
    const res = await send(app, row.request(target, role), token);
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(status);
    // No foreign patient's data, ever, to a user scoped to Stockholm.
    if (role !== 'admin') for (const s of FOREIGN) expect(text).not.toContain(s);
  });

  it('shows a caregiver only their own route and its patients', async () => {
    const token = await loginAs(app, 'caregiver');
    const get = async (path: string) =>
      (await (await app.request(path, { headers: bearer(token) })).json()) as any;
    expect((await get('/api/visits')).items.map((v: any) => v.id)).toEqual([IDS.visitEvening]);
    expect((await get('/api/patients')).items.map((p: any) => p.id)).toEqual([IDS.patient]);
    expect((await get('/api/staff')).items.map((s: any) => s.id)).toEqual([IDS.rn]);
    for (const path of [
      `/api/visits/${IDS.visitMorning}`,
      `/api/patients/${IDS.patientUnrouted}`,
      `/api/staff/${IDS.an}`,
    ]) {
      expect((await app.request(path, { headers: bearer(token) })).status).toBe(404);
    }
    // A dispatcher of the same municipality sees the whole municipality.
    const d = bearer(await loginAs(app, 'dispatcher'));
    const all = (await (await app.request('/api/patients', { headers: d })).json()) as any;
    expect(all.items.map((p: any) => p.id).sort()).toEqual(
      [IDS.patient, IDS.patientUnrouted].sort(),
    );
  });

  it('filters lists without a municipality to the scope', async () => {
    const d = bearer(await loginAs(app, 'scheduler'));
    const visits = (await (await app.request('/api/visits', { headers: d })).json()) as any;
    expect(visits.items.every((v: any) => v.municipalityCode === '0180')).toBe(true);
    const admin = bearer(await loginAs(app, 'admin'));
    const everything = (await (await app.request('/api/visits', { headers: admin })).json()) as any;
    expect(everything.items.some((v: any) => v.municipalityCode === '0184')).toBe(true);
  });

  it('shows nothing to a user without municipalities, and narrows staff to a team scope', async () => {
    await createUser(
      database.db,
      { username: 'nowhere', password: 'pw-nowhere', role: 'dispatcher', municipalities: [] },
      TEST_COST,
    );
    await createUser(
      database.db,
      {
        username: 'team-solna',
        password: 'pw-team-solna',
        role: 'scheduler',
        municipalities: ['0180', '0184'],
        teams: [IDS.teamSolna],
      },
      TEST_COST,
    );
    const as = async (username: string, path: string) => {
      const login = await send(app, {
        path: '/api/auth/login',
        method: 'POST',
        body: { username, password: `pw-${username}` },
      });
      const { token } = (await login.json()) as { token: string };
      return (await (await app.request(path, { headers: bearer(token) })).json()) as any;
    };
    for (const path of ['/api/patients', '/api/visits', '/api/staff'])
      expect((await as('nowhere', path)).items).toEqual([]);
    expect((await as('team-solna', '/api/staff')).items.map((s: any) => s.id)).toEqual([
      IDS.rnSolna,
    ]);
  });
});
