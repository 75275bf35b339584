/**
 * A case's changes reach the municipality's live feed after the commit, carrying the case's id
 * and status only (the pages fetch the case, audited): a region's message, the first visits
 * confirmed, the liability rules changed. Another municipality's subscriber gets none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { type ComposedServer, attachLive } from '../../../server/compose.ts';
import { createIntegrationClient } from '../../../server/discharge/api-keys.ts';
import { type RunningServer, listen } from '../../../server/http/http-server.ts';
import { PROTOCOL_VERSION, type ServerMessage } from '../../../server/live/protocol.ts';
import { bearer, insertUsers, loginAs, testServer } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';
import { wsClient } from '../live/support/ws-client.ts';
import { message, post } from './support.ts';

type Client = Awaited<ReturnType<typeof wsClient>>;

describe.each(dbKinds())('discharge case events on the live feed on %s', (kind) => {
  let database: Database;
  let server: ComposedServer;
  let running: RunningServer;
  let closeWs: () => Promise<void>;
  let key: string;
  let stockholm: Client;
  let solna: Client;

  /** A subscriber of one municipality, past its snapshot. */
  const follow = async (code: string): Promise<Client> => {
    const token = await loginAs(server.app, 'dispatcher', code);
    const client = await wsClient(`ws://127.0.0.1:${running.port}/ws`);
    client.send({ type: 'hello', version: PROTOCOL_VERSION, token });
    expect((await client.next()).type).toBe('welcome');
    client.send({ type: 'subscribe', municipalities: [{ code }] });
    expect((await client.next(15_000)).type).toBe('snapshot');
    return client;
  };
  /** The next event of this type (others, e.g. visit.created, are passed over). */
  const nextOf = async (client: Client, type: string) => {
    for (;;) {
      const m = (await client.next()) as Extract<ServerMessage, { type: 'event' }>;
      if (m.type === 'event' && m.eventType === type) return m;
    }
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    server = await testServer(database);
    running = await listen(server.app, 0, '127.0.0.1');
    closeWs = attachLive(running.server, server);
    key = (await createIntegrationClient(database.db, 'lifecare-sp', ['0180', '0184'])).key;
    stockholm = await follow('0180');
    solna = await follow('0184');
  }, 60_000);
  afterAll(async () => {
    stockholm?.ws.close();
    solna?.ws.close();
    await closeWs?.();
    await running?.close(1000);
    await database?.close();
  });

  let caseId = '';

  it('publishes a case update after an intake message, with the case id and status only', async () => {
    const admission = await post(
      server.app,
      key,
      message('ev-adm', 'admission', '2026-11-22T09:00:00Z', {
        hospital: 'Danderyd',
        ward: 'Avd 1',
        needs: ['medication'],
      }),
    );
    expect(admission.status).toBeLessThan(300);
    caseId = admission.body.caseId;
    expect((await nextOf(stockholm, 'discharge.case_updated')).payload).toEqual({
      caseId,
      status: 'admitted',
    });
    const ready = await post(
      server.app,
      key,
      message('ev-ready', 'ready_for_discharge', '2026-11-23T09:00:00Z', {
        readyAt: '2026-11-23T09:00:00Z',
      }),
    );
    expect(ready.status).toBeLessThan(300);
    const e = await nextOf(stockholm, 'discharge.case_updated');
    expect(e.municipality).toBe('0180');
    expect(e.payload).toEqual({ caseId, status: 'ready' });
  });

  it('publishes one when the first visits are confirmed', async () => {
    const token = await loginAs(server.app, 'scheduler');
    const res = await server.app.request(`/api/discharge/cases/${caseId}/visits/confirm`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const e = await nextOf(stockholm, 'discharge.case_updated');
    expect(e.payload).toEqual({ caseId, status: 'ready' });
  });

  it('publishes the liability rules changed', async () => {
    const token = await loginAs(server.app, 'manager');
    const rule = {
      liabilityDays: 3,
      dayZeroCounts: false,
      cutoffHour: 24,
      countsWorkingDays: false,
      dailyAmountSek: 9300,
    };
    const res = await server.app.request('/api/discharge/0180/settings', {
      method: 'PUT',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ somatic: rule, psychiatric: rule }),
    });
    expect(res.status).toBe(200);
    const e = await nextOf(stockholm, 'discharge.settings_changed');
    expect(e.payload).toMatchObject({ municipality: '0180', somatic: rule });
  });

  it('tells another municipality’s subscriber nothing of it', async () => {
    // Solna's own case, so its subscriber's silence above is not a dead socket.
    const res = await post(
      server.app,
      key,
      message(
        'ev-solna',
        'admission',
        '2026-11-23T09:00:00Z',
        { hospital: 'Karolinska', ward: 'Avd 1', needs: ['medication'] },
        { municipality: '0184', stayId: 'S-1', patientId: IDS.patientSolna },
      ),
    );
    expect(res.status).toBeLessThan(300);
    const e = await nextOf(solna, 'discharge.case_updated');
    expect(e.payload).toEqual({ caseId: res.body.caseId, status: 'admitted' });
    const before = solna.received.filter((m) => m.type === 'event');
    expect(before).toHaveLength(1);
  });
});
