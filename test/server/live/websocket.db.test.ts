import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { createLogger } from '../../../server/logger.ts';
import { attachWebSocket } from '../../../server/live/attach-websocket.ts';
import { type EventBus, toLiveEvent } from '../../../server/live/event-bus.ts';
import { createLive, type Live } from '../../../server/live/live.ts';
import { CloseCode, PROTOCOL_VERSION } from '../../../server/live/protocol.ts';
import { appendEvent } from '../../../server/events/append-events.ts';
import { PositionStore } from '../../../server/positions/positions.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';
import { fakeAuthenticate } from './support/fakes.ts';
import { wsClient } from './support/ws-client.ts';

describe.each(dbKinds())('live updates over a real WebSocket on %s', (kind) => {
  let database: Database;
  let live: Live;
  let bus: EventBus;
  let server: Server;
  let closeWs: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    const logger = createLogger('silent');
    live = await createLive({
      database,
      logger,
      now: () => new Date('2026-11-23T12:00:00Z'),
      positions: new PositionStore(),
    });
    bus = live.bus;
    const app = new Hono().get('/health', (c) => c.json({ ok: true }));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(),
      ) as Server;
    });
    closeWs = attachWebSocket(server, { hub: live.hub, authenticate: fakeAuthenticate, logger });
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
  });
  afterAll(async () => {
    await closeWs();
    await live.close();
    await new Promise((r) => server.close(r));
    await database.close();
  });

  /** Appends in a transaction and publishes after the commit, as services do. */
  const commit = async (type: string, payload: unknown) => {
    const e = await database.db.transaction((tx) => appendEvent(tx, '0180', type, payload));
    await bus.publish(toLiveEvent(e));
    return e;
  };

  it('hello, subscribe, snapshot, then a committed event', async () => {
    const client = await wsClient(url);
    client.send({ type: 'hello', version: PROTOCOL_VERSION, token: 't:dispatcher:0180' });
    expect((await client.next()).type).toBe('welcome');
    client.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
    const snapshot = await client.next();
    expect(snapshot).toMatchObject({ type: 'snapshot', municipality: '0180', seq: 0 });
    const e = await commit('visit.assigned', { visitId: IDS.visitMorning, staffId: IDS.rn });
    expect(await client.next()).toMatchObject({
      type: 'event',
      municipality: '0180',
      seq: e.seq,
      eventType: 'visit.assigned',
      payload: { visitId: IDS.visitMorning, staffId: IDS.rn },
    });
    client.ws.close();
  });

  it('resumes after a reconnect with exactly the missed events', async () => {
    const client = await wsClient(url);
    client.send({ type: 'hello', version: PROTOCOL_VERSION, token: 't:dispatcher:0180' });
    await client.next();
    client.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
    const { seq } = (await client.next()) as { seq: number };
    client.ws.close();
    const missed = [
      await commit('visit.updated', { n: 1 }),
      await commit('visit.updated', { n: 2 }),
    ];
    const again = await wsClient(url);
    again.send({ type: 'hello', version: PROTOCOL_VERSION, token: 't:dispatcher:0180' });
    again.send({ type: 'subscribe', municipalities: [{ code: '0180', lastSeq: seq }] });
    expect((await again.next()).type).toBe('welcome');
    const got = [await again.next(), await again.next()];
    expect(got.map((m) => (m as { seq: number }).seq)).toEqual(missed.map((e) => e.seq));
    again.ws.close();
  });

  it('frames events of every size alike for each subscriber', async () => {
    const clients = [await wsClient(url), await wsClient(url)];
    for (const c of clients) {
      c.send({ type: 'hello', version: PROTOCOL_VERSION, token: 't:dispatcher:0180' });
      await c.next();
      c.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
      await c.next();
    }
    // Payload lengths in the frame header's 7-bit, 16-bit and 64-bit forms, in UTF-8 bytes.
    const notes = ['kort', 'Åsa på Södermalm '.repeat(10), 'ö'.repeat(40_000)];
    for (const note of notes) await commit('visit.note', { note });
    for (const c of clients) {
      for (const note of notes)
        expect(await c.next()).toMatchObject({ type: 'event', payload: { note } });
      c.ws.close();
    }
  });

  it('refuses a foreign municipality with an error naming it', async () => {
    const client = await wsClient(url);
    client.send({ type: 'hello', version: PROTOCOL_VERSION, token: 't:dispatcher:0180' });
    await client.next();
    client.send({ type: 'subscribe', municipalities: [{ code: '0184' }] });
    expect(await client.next()).toEqual({
      type: 'error',
      code: 'forbidden',
      message: 'Not allowed to follow municipality 0184',
      municipality: '0184',
    });
    client.ws.close();
  });

  it('closes a bad token with unauthorized, and an oversized frame with 1009', async () => {
    const bad = await wsClient(url);
    bad.send({ type: 'hello', version: PROTOCOL_VERSION, token: 'stolen' });
    expect((await bad.closedWith()).code).toBe(CloseCode.unauthorized);
    const big = await wsClient(url);
    big.send('x'.repeat(100_000));
    expect((await big.closedWith()).code).toBe(CloseCode.messageTooBig);
  });

  it('answers other upgrade paths with 404 and leaves HTTP alone', async () => {
    const port = (server.address() as AddressInfo).port;
    await expect(wsClient(`ws://127.0.0.1:${port}/elsewhere`)).rejects.toThrow(/404/);
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);
  });
});
