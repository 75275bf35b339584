/**
 * Issue 16: every position a caregiver's phone reports reaches the live clients allowed to
 * see it, coalesced per caregiver per second, in every process; the log keeps a sample.
 * Before: PositionDeps.onPosition was never wired, so a client saw at most the sampled
 * 'staff.position' event, one a minute.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { events } from '../../../db/schema/index.ts';
import { createLogger } from '../../../server/logger.ts';
import { attachWebSocket } from '../../../server/live/attach-websocket.ts';
import { createLive, type Live } from '../../../server/live/live.ts';
import type { PositionMessage } from '../../../server/live/protocol.ts';
import { PositionStore, reportPosition } from '../../../server/positions/positions.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';
import { fakeAuthenticate } from '../live/support/fakes.ts';
import { wsClient } from '../live/support/ws-client.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One server process: its position store, live layer and WebSocket endpoint. */
async function startProcess(database: Database) {
  const positions = new PositionStore();
  const logger = createLogger('silent');
  const live: Live = await createLive({
    database,
    logger,
    now: () => new Date('2026-11-23T12:00:00Z'),
    positions,
  });
  let server!: Server;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: new Hono().fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(),
    ) as Server;
  });
  const closeWs = attachWebSocket(server, {
    hub: live.hub,
    authenticate: fakeAuthenticate,
    logger,
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`,
    deps: { db: database.db, bus: live.bus, now: () => new Date(), positions },
    close: async () => {
      await closeWs();
      await live.close();
      await new Promise((r) => server.close(r));
    },
  };
}
type Process = Awaited<ReturnType<typeof startProcess>>;

async function follow(url: string, token: string, code: string) {
  const client = await wsClient(url);
  client.send({ type: 'hello', version: 1, token });
  expect((await client.next(10_000)).type).toBe('welcome');
  client.send({ type: 'subscribe', municipalities: [{ code }] });
  expect((await client.next(10_000)).type).toBe('snapshot');
  const positions = () =>
    client.received.filter((m): m is PositionMessage => m.type === 'position');
  return { client, positions };
}

/** Which fix a message carries (fix i is at latitude 59.3 + i / 1000). */
const fixNumber = (p: PositionMessage) => Math.round((p.lat - 59.3) * 1000);

/** Five fixes of one caregiver within a second, then three a little over a second apart. */
async function checkCoalescing(from: Process, to: Process, db: Database) {
  const watcher = await follow(to.url, 't:dispatcher:0180', '0180');
  const outsider = await follow(to.url, 't:dispatcher:0184', '0184');
  const t0 = Date.now();
  const fix = (i: number) =>
    reportPosition(from.deps, {
      staffId: IDS.rn,
      lat: 59.3 + i / 1000,
      lon: 18.07,
      at: new Date(t0 + i * 100).toISOString(),
      status: 'en_route',
    });
  for (let i = 1; i <= 5; i++) await fix(i);
  await sleep(1_500);
  const burst = watcher.positions();
  expect(burst.length).toBeGreaterThanOrEqual(1);
  expect(burst.length).toBeLessThanOrEqual(2);
  expect(burst.at(-1)).toMatchObject({ municipality: '0180', staffId: IDS.rn, status: 'en_route' });
  expect(fixNumber(burst.at(-1)!)).toBe(5);

  for (let i = 20; i <= 32; i += 6) {
    await fix(i);
    await sleep(1_250);
  }
  expect(watcher.positions().slice(burst.length).map(fixNumber)).toEqual([20, 26, 32]);
  // Scope: a follower of another municipality sees none of them.
  expect(outsider.positions()).toEqual([]);
  // The log keeps a sample: one 'staff.position' a minute, not an event per fix.
  const logged = await db.db
    .select({ seq: events.seq })
    .from(events)
    .where(and(eq(events.municipalityCode, '0180'), eq(events.type, 'staff.position')));
  expect(logged).toHaveLength(1);
  watcher.client.ws.close();
  outsider.client.ws.close();
}

describe.each(dbKinds())('live positions in one process on %s', (kind) => {
  let database: Database;
  let server: Process;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    server = await startProcess(database);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('coalesces a burst to the newest, sends fixes a second apart each', async () => {
    await checkCoalescing(server, server, database);
  }, 20_000);
});

describe.skipIf(!inject('pgUrl'))('live positions across two processes on PostgreSQL', () => {
  let a: Database;
  let b: Database;
  let processA: Process;
  let processB: Process;
  beforeAll(async () => {
    a = await freshDatabase('postgres');
    if (a.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    b = await openDatabase({ kind: 'postgres', url: a.raw.url, maxConnections: 3 });
    await insertFixture(a.db);
    processA = await startProcess(a);
    processB = await startProcess(b);
  });
  afterAll(async () => {
    await processA.close();
    await processB.close();
    await b.close();
    await a.close();
  });

  it('a position posted to process A reaches a WebSocket on process B, coalesced', async () => {
    await checkCoalescing(processA, processB, a);
  }, 20_000);
});
