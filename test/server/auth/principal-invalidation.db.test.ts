import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import type { App } from '../../../server/app.ts';
import { PrincipalCache } from '../../../server/auth/principal-cache.ts';
import {
  type RunningPrincipalCache,
  startPrincipalCache,
} from '../../../server/auth/principal-invalidation.ts';
import { createLogger } from '../../../server/logger.ts';
import { FIXED_NOW, bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { insertFixture } from '../../support/fixtures.ts';

const me = (app: App, token: string) => app.request('/api/auth/me', { headers: bearer(token) });
const logout = (app: App, token: string) =>
  app.request('/api/auth/logout', { method: 'POST', headers: bearer(token) });
const silent = createLogger('silent');

describe.each(dbKinds())('cached principals on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
  });
  afterAll(async () => database.close());

  // Shows the cache answers, so the log-out tests below would fail without invalidation.
  it('answers from the cache: a revocation written behind its back shows only after the TTL', async () => {
    let now = FIXED_NOW;
    const principals = new PrincipalCache({ ttlMs: 10_000 });
    const app = await testApp(database, { now: () => now, principals });
    const token = await loginAs(app, 'manager');
    expect((await me(app, token)).status).toBe(200);
    await database.db.execute(sql`update sessions set revoked_at = now()`);
    expect((await me(app, token)).status).toBe(200);
    now = new Date(FIXED_NOW.getTime() + 10_000);
    expect((await me(app, token)).status).toBe(401);
    await database.db.execute(sql`delete from sessions`);
  });

  it('log-out ends the token at once in the process that logged out', async () => {
    const principals = new PrincipalCache();
    const app = await testApp(database, { principals });
    const token = await loginAs(app, 'dispatcher');
    expect((await me(app, token)).status).toBe(200);
    expect(principals.size).toBe(1);
    expect((await logout(app, token)).status).toBe(204);
    expect((await me(app, token)).status).toBe(401);
    expect(principals.size).toBe(0);
  });

  it('ends a cached session when it expires', async () => {
    let now = FIXED_NOW;
    const principals = new PrincipalCache({ ttlMs: 3_600_000 });
    const app = await testApp(database, { now: () => now, ttlMs: 60 * 60_000, principals });
    const token = await loginAs(app, 'scheduler');
    now = new Date(FIXED_NOW.getTime() + 59 * 60_000);
    expect((await me(app, token)).status).toBe(200);
    now = new Date(FIXED_NOW.getTime() + 60 * 60_000);
    expect((await me(app, token)).status).toBe(401);
  });
});

describe.runIf(dbKinds().includes('postgres'))('cached principals across processes', () => {
  let database: Database;
  let second: Database;
  const running: RunningPrincipalCache[] = [];
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    await insertFixture(database.db);
    await insertUsers(database.db);
    if (database.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    // Another server process: its own connections, its own LISTEN.
    second = await openDatabase({ kind: 'postgres', url: database.raw.url, maxConnections: 2 });
  });
  afterAll(async () => {
    for (const r of running) await r.close();
    await second.close();
    await database.close();
  });

  it('a log-out through one process empties the cache of another by NOTIFY', async () => {
    const here = await startPrincipalCache(database, silent);
    const there = await startPrincipalCache(second, silent);
    running.push(here, there);
    const a = await testApp(database, { principals: here.cache, now: () => new Date() });
    const b = await testApp(second, { principals: there.cache, now: () => new Date() });
    const token = await loginAs(a, 'manager');
    expect((await me(b, token)).status).toBe(200);
    expect(there.cache.size).toBe(1);
    expect((await logout(a, token)).status).toBe(204);
    const deadline = Date.now() + 2_000;
    while (there.cache.size > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    expect(there.cache.size).toBe(0);
    expect((await me(b, token)).status).toBe(401);
  });

  it('keeps nothing until it listens, and nothing after it stopped', async () => {
    const r = await startPrincipalCache(second, silent);
    const app = await testApp(second, { principals: r.cache, now: () => new Date() });
    const token = await loginAs(app, 'dispatcher');
    expect((await me(app, token)).status).toBe(200);
    expect(r.cache.size).toBe(1);
    await r.close();
    expect(r.cache.size).toBe(0);
    expect((await me(app, token)).status).toBe(200);
    expect(r.cache.size).toBe(0);
  });
});
