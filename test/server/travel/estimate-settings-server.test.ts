import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import type { ServerParts } from '../../../server/compose.ts';
import { bearer, insertUsers, loginAs, testServer } from '../../support/auth.ts';
import { freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';

const NOW = new Date('2026-11-23T09:00:00Z');

/** The configured estimate reaches the ranking workers as it reaches the request thread. */
describe('TRAVEL_* settings on the ranking worker', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await insertWorld(database.db);
    await insertUsers(database.db);
  });
  afterAll(async () => database?.close());

  const etas = async (config: ServerParts['config']) => {
    const { app } = await testServer(database, { now: () => NOW, config });
    const headers = {
      ...bearer(await loginAs(app, 'dispatcher')),
      'content-type': 'application/json',
    };
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
    const body = (await res.json()) as {
      suggestions: { staffId: string; eta: string; addedTravelSeconds: number }[];
    };
    return body.suggestions.map((s) => [s.staffId, s.eta, s.addedTravelSeconds]);
  };

  it('ranks with the configured speeds on the worker and on the request thread alike', async () => {
    const slow = { TRAVEL_CAR_KMH: 3, TRAVEL_BIKE_KMH: 2, TRAVEL_WALK_KMH: 1 };
    const onWorker = await etas({ RANK_WORKER: 'on', RANK_WORKERS: 1, ...slow });
    const onThread = await etas({ RANK_WORKER: 'off', RANK_WORKERS: 1, ...slow });
    const builtIn = await etas({ RANK_WORKER: 'on', RANK_WORKERS: 1 });
    expect(onWorker.length).toBeGreaterThan(0);
    expect(onWorker).toEqual(onThread);
    expect(onWorker).not.toEqual(builtIn);
  });
});
