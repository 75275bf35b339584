import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { bases, teams } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { createUser } from '../../../server/auth/users.ts';
import { TEST_COST, bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';

const NIGHT = '10000000-0000-4000-8000-0000000000a1';

describe('GET /api/teams', () => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await insertFixture(database.db);
    await insertUsers(database.db);
    const [base] = await database.db.select({ id: bases.id }).from(bases).limit(1);
    await database.db
      .insert(teams)
      .values({ id: NIGHT, municipalityCode: '0180', baseId: base.id, name: 'Nattpatrull' });
    await createUser(
      database.db,
      {
        username: 'night-lead',
        password: 'pw-night-lead-secret',
        role: 'dispatcher',
        municipalities: ['0180'],
        teams: [NIGHT],
      },
      TEST_COST,
    );
    app = await testApp(database);
  });
  afterAll(async () => database.close());

  const get = async (path: string, token: string) => {
    const res = await app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("lists a municipality's teams by name, only that municipality's", async () => {
    const { status, body } = await get(
      '/api/teams?municipality=0180',
      await loginAs(app, 'dispatcher'),
    );
    expect(status).toBe(200);
    expect(body.items).toEqual([
      { id: NIGHT, name: 'Nattpatrull', municipalityCode: '0180' },
      { id: IDS.team, name: 'Team Söder', municipalityCode: '0180' },
    ]);
  });

  it('shows a team-scoped user only their own teams', async () => {
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'night-lead', password: 'pw-night-lead-secret' }),
    });
    const { token } = (await login.json()) as { token: string };
    const { body } = await get('/api/teams?municipality=0180', token);
    expect(body.items.map((t: { id: string }) => t.id)).toEqual([NIGHT]);
  });

  it('refuses a municipality outside the scope (403) or unknown (404), naming the field', async () => {
    const token = await loginAs(app, 'dispatcher');
    const foreign = await get('/api/teams?municipality=0184', token);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.details[0].field).toBe('query.municipality');
    expect((await get('/api/teams?municipality=9999', token)).status).toBe(404);
    const missing = await get('/api/teams', token);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('municipality');
  });
});
