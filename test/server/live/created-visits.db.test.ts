import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { type ComposedServer, attachLive } from '../../../server/compose.ts';
import { type RunningServer, listen } from '../../../server/http/http-server.ts';
import { PROTOCOL_VERSION, type ServerMessage } from '../../../server/live/protocol.ts';
import { bearer, insertUsers, loginAs, testServer } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';
import { wsClient } from './support/ws-client.ts';

/** Issue 16: a visit registered through any route reaches live clients within a second. */
const WITHIN_MS = 1000;

describe.each(dbKinds())('a new visit reaches a live client at once on %s', (kind) => {
  let database: Database;
  let server: ComposedServer;
  let running: RunningServer;
  let closeWs: () => Promise<void>;
  let url: string;
  let base: string;
  let token: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    await insertUsers(database.db);
    // The server as main.ts composes it, served over a real socket.
    server = await testServer(database, { now: () => W.now });
    running = await listen(server.app, 0, '127.0.0.1');
    closeWs = attachLive(running.server, server);
    base = `http://127.0.0.1:${running.port}`;
    url = `ws://127.0.0.1:${running.port}/ws`;
    token = await loginAs(server.app, 'dispatcher');
  });
  afterAll(async () => {
    await closeWs();
    await running.close(1000);
    await database.close();
  });

  /** A dispatcher's socket following Stockholm, past its snapshot. */
  async function follow() {
    const client = await wsClient(url);
    client.send({ type: 'hello', version: PROTOCOL_VERSION, token });
    expect((await client.next()).type).toBe('welcome');
    client.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
    expect((await client.next()).type).toBe('snapshot');
    return client;
  }

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  /** The visit.created event of this visit, waited for no longer than WITHIN_MS. */
  async function createdEvent(client: Awaited<ReturnType<typeof follow>>, visitId: string) {
    const started = Date.now();
    let m: ServerMessage;
    do m = await client.next(WITHIN_MS - (Date.now() - started));
    while (!(m.type === 'event' && m.eventType === 'visit.created'));
    expect(Date.now() - started).toBeLessThanOrEqual(WITHIN_MS);
    expect(m).toMatchObject({ municipality: '0180', payload: { visit: { id: visitId } } });
  }

  it('POST /api/visits', async () => {
    const client = await follow();
    const res = await post('/api/visits', {
      municipality: '0180',
      patientId: W.patient,
      windowStart: '2026-11-23T14:00:00+01:00',
      windowEnd: '2026-11-23T15:00:00+01:00',
      durationMinutes: 30,
      taskTypes: ['wound_dressing'],
    });
    expect(res.status).toBe(201);
    await createdEvent(client, ((await res.json()) as { id: string }).id);
    client.ws.close();
  });

  it('an urgent call', async () => {
    const client = await follow();
    const res = await post('/api/dispatch/urgent-visits', {
      municipality: '0180',
      patientId: W.patient,
      taskTypes: ['supervision'],
      priority: 'urgent1',
    });
    expect(res.status).toBe(201);
    await createdEvent(client, ((await res.json()) as { visit: { id: string } }).visit.id);
    client.ws.close();
  });
});
