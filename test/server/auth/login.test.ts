import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../db/client.ts';
import type { App } from '../../../server/app.ts';
import { PrincipalCache } from '../../../server/auth/principal-cache.ts';
import {
  FIXED_NOW,
  TEST_SECRET,
  bearer,
  insertUsers,
  loginAs,
  passwordOf,
  testApp,
} from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { insertFixture } from '../../support/fixtures.ts';

const login = (app: App, username: string, password: string, ip?: string) =>
  app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    },
    // node-server's connection info: the address the rate limit keys on.
    ip ? { incoming: { socket: { remoteAddress: ip } } } : undefined,
  );

const me = (app: App, token: string) => app.request('/api/auth/me', { headers: bearer(token) });

describe.each(dbKinds())('log-in and sessions on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
  });
  afterAll(async () => database.close());

  it('logs in with the right password and tells who you are, with your scope', async () => {
    const app = await testApp(database);
    const res = await login(app, 'dispatcher-0180', passwordOf('dispatcher', '0180'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.user).toMatchObject({ role: 'dispatcher', municipalities: ['0180'] });
    expect(new Date(body.expiresAt).getTime()).toBe(FIXED_NOW.getTime() + 12 * 3600_000);
    const who = await me(app, body.token);
    expect(who.status).toBe(200);
    expect(((await who.json()) as any).username).toBe('dispatcher-0180');
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const app = await testApp(database);
    for (const [u, p] of [
      ['dispatcher-0180', 'wrong password'],
      ['nobody-here', 'whatever'],
    ]) {
      const res = await login(app, u, p);
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).error.message).toBe('Wrong username or password');
    }
  });

  it('revokes the token at log-out, in every app sharing the database', async () => {
    // A second server process on PostgreSQL (its cache emptied by NOTIFY); PGlite has but
    // one process, whose apps share its cache.
    const shared = kind === 'pglite' ? { principals: new PrincipalCache() } : {};
    const app = await testApp(database, shared);
    const other = await testApp(database, shared);
    const token = await loginAs(app, 'manager');
    expect((await me(other, token)).status).toBe(200);
    const out = await app.request('/api/auth/logout', { method: 'POST', headers: bearer(token) });
    expect(out.status).toBe(204);
    expect((await me(app, token)).status).toBe(401);
    // The other process hears of it by NOTIFY, within moments.
    await vi.waitFor(async () => expect((await me(other, token)).status).toBe(401), {
      timeout: 2000,
    });
  });

  it('expires a session after its lifetime', async () => {
    let now = FIXED_NOW;
    const app = await testApp(database, { now: () => now, ttlMs: 60 * 60_000 });
    const token = await loginAs(app, 'scheduler');
    now = new Date(FIXED_NOW.getTime() + 59 * 60_000);
    expect((await me(app, token)).status).toBe(200);
    now = new Date(FIXED_NOW.getTime() + 61 * 60_000);
    const res = await me(app, token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('keeps tokens of a previous secret working after rotation, until it is dropped', async () => {
    const NEW = 'the-next-secret-0123456789-0123456789-xyz';
    const before = await testApp(database);
    const old = await loginAs(before, 'dispatcher');
    const rotated = await testApp(database, { secrets: [NEW, TEST_SECRET] });
    expect((await me(rotated, old)).status).toBe(200);
    const fresh = await loginAs(rotated, 'dispatcher');
    expect(fresh.split('.')[0]).not.toBe(old.split('.')[0]); // signed with the new secret
    const dropped = await testApp(database, { secrets: [NEW] });
    expect((await me(dropped, old)).status).toBe(401);
    expect((await me(dropped, fresh)).status).toBe(200);
  });

  it('refuses forged, tampered and malformed tokens', async () => {
    const app = await testApp(database);
    const token = await loginAs(app, 'dispatcher');
    const [kid, random, sig] = token.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const forger = await testApp(database, {
      secrets: ['an-attackers-guess-0123456789-0123456789'],
    });
    for (const bad of [
      `${kid}.${flip(random)}.${sig}`,
      `${kid}.${random}.${flip(sig)}`,
      await loginAs(forger, 'dispatcher').catch(() => 'x.y.z'),
      'not-a-token',
      '',
    ]) {
      expect((await me(app, bad)).status).toBe(401);
    }
    const basic = await app.request('/api/auth/me', { headers: { authorization: 'Basic YTpi' } });
    expect(basic.status).toBe(401);
  });

  it('rate-limits log-in attempts per username and address, with Retry-After', async () => {
    let now = FIXED_NOW;
    const app = await testApp(database, { now: () => now });
    const u = 'caregiver-0180';
    for (let i = 0; i < 5; i++) expect((await login(app, u, 'guess', '10.0.0.1')).status).toBe(401);
    const limited = await login(app, u, passwordOf('caregiver', '0180'), '10.0.0.1');
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as any).error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address, or another user, is not held up by it.
    expect((await login(app, u, passwordOf('caregiver', '0180'), '10.0.0.2')).status).toBe(200);
    expect(
      (await login(app, 'manager-0180', passwordOf('manager', '0180'), '10.0.0.1')).status,
    ).toBe(200);
    // The bucket refills with time.
    now = new Date(FIXED_NOW.getTime() + 13_000);
    expect((await login(app, u, passwordOf('caregiver', '0180'), '10.0.0.1')).status).toBe(200);
  });

  it('refuses a disabled user, and the sessions they still hold', async () => {
    const app = await testApp(database);
    const token = await loginAs(app, 'scheduler', '0184');
    const { users } = await import('../../../db/schema/index.ts');
    const { eq } = await import('drizzle-orm');
    await database.db
      .update(users)
      .set({ disabledAt: FIXED_NOW })
      .where(eq(users.username, 'scheduler-0184'));
    expect((await me(app, token)).status).toBe(401);
    const res = await login(app, 'scheduler-0184', passwordOf('scheduler', '0184'));
    expect(res.status).toBe(401);
  });
});
