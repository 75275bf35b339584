/**
 * Issue 16: a socket opened with a token kept streaming after the token was logged out, in
 * the same process or another. Sessions that end close their sockets with `sessionEnded`
 * within a second, in every process: log-out, a disabled user, expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import type { App } from '../../../server/app.ts';
import { PrincipalCache } from '../../../server/auth/principal-cache.ts';
import { startPrincipalCache } from '../../../server/auth/principal-invalidation.ts';
import type { Role } from '../../../server/auth/principal.ts';
import { createUser, disableUser } from '../../../server/auth/users.ts';
import { listen } from '../../../server/http/http-server.ts';
import { attachLive } from '../../../server/compose.ts';
import { CloseCode, PROTOCOL_VERSION } from '../../../server/live/protocol.ts';
import { createLogger } from '../../../server/logger.ts';
import {
  TEST_COST,
  bearer,
  insertUsers,
  passwordOf,
  testServer,
  usernameOf,
} from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { insertFixture } from '../../support/fixtures.ts';
import { wsClient } from './support/ws-client.ts';

const logger = createLogger('silent');
const now = () => new Date();

/** A server process as main.ts builds it (composeServer), listening, with its WebSocket. */
async function startServer(database: Database, principals: PrincipalCache, ttlMs?: number) {
  const server = await testServer(database, { principals, now, ttlMs });
  const running = await listen(server.app, 0, '127.0.0.1');
  const closeWs = attachLive(running.server, server);
  return {
    app: server.app,
    url: `ws://127.0.0.1:${running.port}/ws`,
    stop: async () => {
      await closeWs();
      await running.close(1000);
    },
  };
}

/** A fresh token each time (loginAs would hand back one logged out by an earlier test). */
async function logIn(app: App, username: string, password: string): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}
const logInAs = (app: App, role: Role) =>
  logIn(app, usernameOf(role, '0180'), passwordOf(role, '0180'));

/** A socket past hello, following 0180. */
async function following(url: string, token: string) {
  const client = await wsClient(url);
  client.send({ type: 'hello', version: PROTOCOL_VERSION, token });
  expect((await client.next()).type).toBe('welcome');
  client.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
  expect((await client.next()).type).toBe('snapshot');
  return client;
}

/** The socket is still open and answering. */
async function stillOpen(client: Awaited<ReturnType<typeof following>>) {
  client.send({ type: 'ping', id: 'alive' });
  expect(await client.next()).toMatchObject({ type: 'pong', id: 'alive' });
}

describe.each(dbKinds())('live sockets end with their session on %s', (kind) => {
  let database: Database;
  let server: Awaited<ReturnType<typeof startServer>>;
  let principals: PrincipalCache;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    principals = new PrincipalCache();
    server = await startServer(database, principals);
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  it('a log-out closes the sockets of its token with sessionEnded within a second', async () => {
    const token = await logInAs(server.app, 'dispatcher');
    const other = await following(server.url, await logInAs(server.app, 'scheduler'));
    const sockets = [await following(server.url, token), await following(server.url, token)];
    const loggedOut = Date.now();
    const res = await server.app.request('/api/auth/logout', {
      method: 'POST',
      headers: bearer(token),
    });
    expect(res.status).toBe(204);
    for (const s of sockets) {
      expect(await s.closedWith(1000)).toMatchObject({ code: CloseCode.sessionEnded });
    }
    expect(Date.now() - loggedOut).toBeLessThan(1000);
    await stillOpen(other);
    other.ws.close();
  });

  it('disabling a user closes their sockets with sessionEnded within a second', async () => {
    const password = 'pw-to-be-disabled-secret';
    const userId = await createUser(
      database.db,
      { username: 'to-be-disabled', password, role: 'dispatcher', municipalities: ['0180'] },
      TEST_COST,
    );
    const socket = await following(server.url, await logIn(server.app, 'to-be-disabled', password));
    await disableUser(database.db, userId, new Date(), principals);
    expect(await socket.closedWith(1000)).toMatchObject({ code: CloseCode.sessionEnded });
  });

  it('a socket closes with sessionEnded when its session expires', async () => {
    const short = await startServer(database, new PrincipalCache(), 1500);
    try {
      const token = await logInAs(short.app, 'manager');
      const loggedIn = Date.now();
      const socket = await following(short.url, token);
      await stillOpen(socket);
      const closed = await socket.closedWith(3000);
      expect(closed).toEqual({ code: CloseCode.sessionEnded, reason: 'session expired' });
      const after = Date.now() - loggedIn;
      expect(after).toBeGreaterThanOrEqual(1400);
      expect(after).toBeLessThan(2500);
    } finally {
      await short.stop();
    }
  });
});

describe.runIf(dbKinds().includes('postgres'))('live sockets across two processes', () => {
  it('a log-out through one process closes the sockets on another within a second', async () => {
    const database = await freshDatabase('postgres');
    if (database.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    await insertFixture(database.db);
    await insertUsers(database.db);
    // Another server process: its own connections, its own LISTEN.
    const second = await openDatabase({
      kind: 'postgres',
      url: database.raw.url,
      maxConnections: 4,
    });
    const here = await startPrincipalCache(database, logger);
    const there = await startPrincipalCache(second, logger);
    const a = await startServer(database, here.cache);
    const b = await startServer(second, there.cache);
    try {
      const token = await logInAs(a.app, 'dispatcher');
      const onB = await following(b.url, token);
      const otherOnB = await following(b.url, await logInAs(a.app, 'scheduler'));
      const loggedOut = Date.now();
      const res = await a.app.request('/api/auth/logout', {
        method: 'POST',
        headers: bearer(token),
      });
      expect(res.status).toBe(204);
      expect(await onB.closedWith(1000)).toMatchObject({ code: CloseCode.sessionEnded });
      expect(Date.now() - loggedOut).toBeLessThan(1000);
      await stillOpen(otherOnB);
      otherOnB.ws.close();
    } finally {
      await a.stop();
      await b.stop();
      await here.close();
      await there.close();
      await second.close();
      await database.close();
    }
  });
});
