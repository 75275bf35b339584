import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import type { App } from '../../../server/app.ts';
import { bearer, insertUsers, loginAs, testServer } from '../../support/auth.ts';
import { freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';
import { type FakeOsrm, startFakeOsrm } from './fake-osrm.ts';

/** The server composed with OSRM_URL, as main.ts composes it from the environment. */
describe('a server with OSRM_URL', () => {
  let database: Database;
  let fake: FakeOsrm;
  let app: App;
  beforeAll(async () => {
    fake = await startFakeOsrm();
    database = await freshDatabase('pglite');
    await insertWorld(database.db);
    await insertUsers(database.db);
    const server = await testServer(database, {
      now: () => new Date('2026-11-23T09:00:00Z'),
      config: {
        RANK_WORKER: 'on',
        RANK_WORKERS: 1,
        OSRM_URL: fake.url,
        OSRM_PROFILES: { car: 'driving', bike: 'cycling', walk: 'foot' },
      },
    });
    expect(server.deps.travel?.kind).toBe('osrm');
    app = server.app;
  });
  afterAll(async () => {
    await database?.close();
    await fake?.close();
  });

  it('ranks an urgent call on road times, and on the estimate when OSRM fails', async () => {
    const headers = {
      ...bearer(await loginAs(app, 'dispatcher')),
      'content-type': 'application/json',
    };
    const urgent = async () => {
      const res = await app.request('/api/dispatch/urgent-visits', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          municipality: '0180',
          patientId: W.patient,
          taskTypes: ['wound_dressing'],
          priority: 'urgent1',
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { suggestions: { staffId: string }[] }).suggestions;
    };
    const onRoads = await urgent();
    expect(onRoads.length).toBeGreaterThan(0);
    expect(fake.requests.length).toBeGreaterThan(0);
    fake.behaviour = 'http500';
    const estimated = await urgent();
    expect(estimated.map((s) => s.staffId).sort()).toEqual(onRoads.map((s) => s.staffId).sort());
  });
});
