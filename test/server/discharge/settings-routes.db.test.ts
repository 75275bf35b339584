import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { auditLog, dischargeSettings, events } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { createIntegrationClient } from '../../../server/discharge/api-keys.ts';
import { createUser } from '../../../server/auth/users.ts';
import { TEST_COST, bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';
import { message, post } from './support.ts';

// Now: Wednesday 25 November 2026, 13:00 in Stockholm.
const NOW = new Date('2026-11-25T12:00:00Z');

const AGREEMENT = {
  somatic: {
    liabilityDays: 2,
    dayZeroCounts: true,
    cutoffHour: 24,
    countsWorkingDays: false,
    dailyAmountSek: 9300,
  },
  psychiatric: {
    liabilityDays: 5,
    dayZeroCounts: true,
    cutoffHour: 24,
    countsWorkingDays: false,
    dailyAmountSek: 9300,
  },
};

describe.each(dbKinds())('discharge liability settings on %s', (kind) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    app = await testApp(database, { now: () => NOW });
    const key = (await createIntegrationClient(database.db, 'lifecare-sp', ['0180'])).key;
    // Ready Monday 23rd 10:00 (somatic): free Mon and Tue, liable from today, 1 day charged.
    const res = await post(
      app,
      key,
      message('a-ready', 'ready_for_discharge', '2026-11-23T09:00:00Z', {
        readyAt: '2026-11-23T09:00:00Z',
      }),
    );
    expect(res.status).toBeLessThan(300);
  });
  afterAll(async () => database.close());

  const call = async (
    method: 'GET' | 'PUT',
    role: 'scheduler' | 'manager' | 'dispatcher' | 'admin',
    body?: unknown,
    code = '0180',
  ) => {
    const res = await app.request(`/api/discharge/${code}/settings`, {
      method,
      headers: { ...bearer(await loginAs(app, role)), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const clockOfA = async () => {
    const res = await app.request('/api/discharge/cases?municipality=0180', {
      headers: bearer(await loginAs(app, 'scheduler')),
    });
    return ((await res.json()) as any).items[0].clock;
  };
  const written = async () => ({
    rows: await database.db.select().from(dischargeSettings),
    audit: await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'discharge.settings.update')),
    events: await database.db
      .select()
      .from(events)
      .where(eq(events.type, 'discharge.settings_changed')),
  });

  it('reads the agreement’s defaults, with the law’s rule beside, before any change', async () => {
    const { status, body } = await call('GET', 'scheduler');
    expect(status).toBe(200);
    expect(body).toEqual({
      municipality: '0180',
      ...AGREEMENT,
      defaults: AGREEMENT,
      law: {
        liabilityDays: 3,
        dayZeroCounts: false,
        cutoffHour: 24,
        countsWorkingDays: false,
        dailyAmountSek: 9300,
      },
      updatedAt: null,
    });
  });

  it('refuses a bad value naming the field, and writes nothing', async () => {
    const bad = [
      [
        { ...AGREEMENT, somatic: { ...AGREEMENT.somatic, liabilityDays: 91 } },
        'body.somatic.liabilityDays',
      ],
      [
        { ...AGREEMENT, psychiatric: { ...AGREEMENT.psychiatric, cutoffHour: 25 } },
        'body.psychiatric.cutoffHour',
      ],
      [
        { ...AGREEMENT, somatic: { ...AGREEMENT.somatic, dailyAmountSek: -1 } },
        'body.somatic.dailyAmountSek',
      ],
      [
        { ...AGREEMENT, somatic: { ...AGREEMENT.somatic, liabilityDays: 2.5 } },
        'body.somatic.liabilityDays',
      ],
      [
        { ...AGREEMENT, somatic: { ...AGREEMENT.somatic, dayZeroCounts: 'yes' } },
        'body.somatic.dayZeroCounts',
      ],
      [{ somatic: AGREEMENT.somatic }, 'body.psychiatric'],
      [{ ...AGREEMENT, somatic: { ...AGREEMENT.somatic, extra: 1 } }, 'body.somatic'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await call('PUT', 'manager', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    }
    expect(await written()).toEqual({ rows: [], audit: [], events: [] });
  });

  it('refuses those who may not change them, and another municipality', async () => {
    expect((await call('PUT', 'scheduler', AGREEMENT)).status).toBe(403);
    expect((await call('PUT', 'dispatcher', AGREEMENT)).status).toBe(403);
    expect((await call('GET', 'dispatcher')).status).toBe(403);
    expect((await call('PUT', 'manager', AGREEMENT, '0184')).status).toBe(403);
    expect((await call('GET', 'manager', undefined, '0184')).status).toBe(403);
    expect((await call('GET', 'admin', undefined, '9999')).status).toBe(404);
    // A manager of one team reads them but may not change the whole municipality's.
    await createUser(
      database.db,
      {
        username: 'manager-team',
        password: 'pw-manager-team-secret',
        role: 'manager',
        municipalities: ['0180'],
        teams: [IDS.team],
      },
      TEST_COST,
    );
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'manager-team', password: 'pw-manager-team-secret' }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const asTeam = (method: string, body?: unknown) =>
      app.request('/api/discharge/0180/settings', {
        method,
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await asTeam('GET')).status).toBe(200);
    const refused = await asTeam('PUT', AGREEMENT);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).error.details[0].field).toBe('path.municipality');
    expect(await written()).toEqual({ rows: [], audit: [], events: [] });
  });

  it('saves the manager’s change, audited and announced, and the clock shown follows', async () => {
    expect(await clockOfA()).toMatchObject({
      liabilityStart: '2026-11-25',
      daysToLiability: 0,
      costSek: 9300,
    });
    // The law's three days, day 0 not counted, at 10,000 SEK: free Tue, Wed, Thu; pays Friday.
    const law = {
      liabilityDays: 3,
      dayZeroCounts: false,
      cutoffHour: 24,
      countsWorkingDays: false,
      dailyAmountSek: 10_000,
    };
    const res = await call('PUT', 'manager', { ...AGREEMENT, somatic: law });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ somatic: law, psychiatric: AGREEMENT.psychiatric });
    expect(res.body.updatedAt).toBe(NOW.toISOString());
    expect((await call('GET', 'scheduler')).body.somatic).toEqual(law);
    expect(await clockOfA()).toMatchObject({
      liabilityStart: '2026-11-27',
      daysToLiability: 2,
      costSek: 0,
      dailyAmountSek: 10_000,
    });
    const w = await written();
    expect(w.rows).toHaveLength(2);
    expect(w.audit).toHaveLength(1);
    expect(w.audit[0]).toMatchObject({
      role: 'manager',
      patientId: null,
      municipalityCode: '0180',
    });
    expect(w.events).toHaveLength(1);
    expect(w.events[0]!.municipalityCode).toBe('0180');
    expect(w.events[0]!.payload).toEqual({ municipality: '0180', ...AGREEMENT, somatic: law });
    // Back to the agreement: the clock as before.
    expect((await call('PUT', 'admin', AGREEMENT)).status).toBe(200);
    expect(await clockOfA()).toMatchObject({ liabilityStart: '2026-11-25', costSek: 9300 });
  });
});
