import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { auditLog, dischargeCases, dischargeMessages } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { createIntegrationClient } from '../../../server/discharge/api-keys.ts';
import { createLogger } from '../../../server/logger.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';
import { message, post } from './support.ts';

describe.each(dbKinds())('discharge intake on %s', (kind) => {
  let database: Database;
  let app: App;
  let key: string;
  let solnaKey: string;
  const lines: string[] = [];
  let clock = Date.parse('2026-11-23T12:00:00Z');
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    key = (await createIntegrationClient(database.db, 'lifecare-sp', ['0180'])).key;
    solnaKey = (await createIntegrationClient(database.db, 'lifecare-solna', ['0184'])).key;
    app = await testApp(database, {
      // A clock that moves a second per reading: arrivals in the order sent to the server.
      now: () => new Date((clock += 1000)),
      logger: createLogger('debug', {}, (l) => lines.push(l)),
    });
  });
  afterAll(async () => database.close());

  const stored = async () => {
    const [{ n }] = await database.db.select({ n: count() }).from(dischargeMessages);
    return n;
  };
  const caseOf = async (stayId: string) =>
    (await database.db.select().from(dischargeCases).where(eq(dischargeCases.stayId, stayId)))[0];

  it('refuses a missing or wrong key (401) and a person’s log-in (403); stores nothing', async () => {
    const m = message('auth-1', 'cancelled', '2026-11-23T10:00:00Z');
    expect((await post(app, null, m)).status).toBe(401);
    expect((await post(app, 'hsk_not-a-key', m)).status).toBe(401);
    const token = await loginAs(app, 'admin');
    const asUser = await post(app, null, m, bearer(token));
    expect(asUser.status).toBe(403);
    expect(await stored()).toBe(0);
  });

  it('an admission makes a case; the same message again answers the same and changes nothing', async () => {
    const m = message('adm-1', 'admission', '2026-11-23T08:00:00Z', {
      hospital: 'Karolinska Solna',
      ward: 'Geriatrik 3',
      needs: ['medication', 'two_person_transfer'],
      sipNeeded: true,
      expectedDischargeDate: '2026-11-26',
    });
    const first = await post(app, key, m);
    expect(first.status).toBe(200);
    const before = await caseOf('KS-4711');
    expect(before).toMatchObject({ status: 'admitted', hospital: 'Karolinska Solna' });
    const again = await post(app, key, m);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(await caseOf('KS-4711')).toEqual(before);
    const reusedId = await post(app, key, { ...m, ward: 'Another ward' });
    expect(reusedId.status).toBe(409);
    expect(reusedId.body.error.details[0].field).toBe('body.messageId');
  });

  it('an older update arriving after a newer one overwrites nothing; the timeline shows it late', async () => {
    await post(app, key, message('upd-new', 'update', '2026-11-23T10:00:00Z', { ward: 'Avd 7' }));
    await post(app, key, message('upd-old', 'update', '2026-11-23T09:00:00Z', { ward: 'Avd 5' }));
    expect((await caseOf('KS-4711')).ward).toBe('Avd 7');
    const c = await caseOf('KS-4711');
    const token = await loginAs(app, 'scheduler');
    const res = await app.request(`/api/discharge/cases/${c.id}`, { headers: bearer(token) });
    const body = (await res.json()) as any;
    expect(body.timeline.map((t: any) => [t.messageId, t.late])).toEqual([
      ['adm-1', false],
      ['upd-new', false],
      ['upd-old', true],
    ]);
  });

  it('ready-for-discharge before the admission notice creates the case; the admission fills it in', async () => {
    const base = { stayId: 'SOS-1' };
    const ready = await post(
      app,
      key,
      message(
        'r-1',
        'ready_for_discharge',
        '2026-11-23T09:00:00Z',
        { readyAt: '2026-11-23T09:00:00Z' },
        base,
      ),
    );
    expect(ready.status).toBe(200);
    expect(await caseOf('SOS-1')).toMatchObject({ status: 'ready', hospital: null });
    await post(
      app,
      key,
      message(
        'a-1',
        'admission',
        '2026-11-20T09:00:00Z',
        { hospital: 'Södersjukhuset', ward: 'Avd 12' },
        base,
      ),
    );
    expect(await caseOf('SOS-1')).toMatchObject({ status: 'ready', hospital: 'Södersjukhuset' });
  });

  it('a bad message: 400 naming the field, stored nowhere, logged without its content', async () => {
    const n = await stored();
    const cases = await database.db.select({ n: count() }).from(dischargeCases);
    const bad = await post(
      app,
      key,
      message(
        'bad-1',
        'ready_for_discharge',
        '2026-11-23T09:00:00Z',
        {
          readyAt: 'yesterday',
          hospital: 'Secret Hospital Name',
        },
        { stayId: 'NEW-STAY' },
      ),
    );
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.map((d: any) => d.field);
    expect(fields).toContain('body.readyAt');
    const unknownKind = await post(app, key, message('bad-2', 'admitted', '2026-11-23T09:00:00Z'));
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.details[0].field).toBe('body.kind');
    const outOfRange = await post(
      app,
      key,
      message('bad-3', 'discharged', '2026-11-23T09:00:00Z', {
        dischargedAt: '2024-01-01T00:00:00Z',
      }),
    );
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error.details[0].field).toBe('body.dischargedAt');
    const noPatient = await post(
      app,
      key,
      message(
        'bad-4',
        'cancelled',
        '2026-11-23T09:00:00Z',
        {},
        { patientId: IDS.patientSolna, stayId: 'X-1' },
      ),
    );
    expect(noPatient.status).toBe(422);
    expect(noPatient.body.error.details[0].field).toBe('body.patientId');
    const foreign = await post(
      app,
      solnaKey,
      message('bad-5', 'cancelled', '2026-11-23T09:00:00Z'),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.details[0].field).toBe('body.municipality');
    expect(await stored()).toBe(n);
    expect(await database.db.select({ n: count() }).from(dischargeCases)).toEqual(cases);
    const refusals = lines.filter((l) => l.includes('discharge message refused'));
    expect(refusals.length).toBeGreaterThanOrEqual(5);
    for (const l of lines) {
      expect(l).not.toContain('Secret Hospital Name');
      expect(l).not.toContain(IDS.patient);
      expect(l).not.toContain(IDS.patientSolna);
    }
  });

  it('every message received leaves an audit row of the integration', async () => {
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.userId, 'integration:lifecare-sp'));
    expect(rows.length).toBe(await stored());
    expect(rows[0]).toMatchObject({ role: 'region_integration', patientId: IDS.patient });
  });

  it('an admin registers a client; its key, shown once, is accepted at once', async () => {
    const token = await loginAs(app, 'admin');
    const res = await app.request('/api/discharge/clients', {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'region-test', municipalities: ['0180'] }),
    });
    expect(res.status).toBe(201);
    const { apiKey } = (await res.json()) as any;
    const ok = await post(
      app,
      apiKey,
      message('via-new-key', 'update', '2026-11-23T11:00:00Z', { ward: 'Avd 9' }),
    );
    expect(ok.status).toBe(200);
  });

  it('messages of one new stay at the same moment: one case, each message once', async () => {
    const base = { stayId: 'RACE-1' };
    const kinds = [
      message(
        'race-a',
        'admission',
        '2026-11-23T08:00:00Z',
        { hospital: 'SÖS', ward: 'Avd 1' },
        base,
      ),
      message('race-u', 'update', '2026-11-23T09:00:00Z', { ward: 'Avd 2' }, base),
      message(
        'race-r',
        'ready_for_discharge',
        '2026-11-23T10:00:00Z',
        { readyAt: '2026-11-23T10:00:00Z' },
        base,
      ),
    ];
    const answers = await Promise.all([...kinds, kinds[1]].map((m) => post(app, key, m)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers[3].body).toEqual(answers[1].body);
    const c = await caseOf('RACE-1');
    expect(c).toMatchObject({ status: 'ready', ward: 'Avd 2', hospital: 'SÖS' });
    const rows = await database.db
      .select()
      .from(dischargeMessages)
      .where(eq(dischargeMessages.caseId, c.id));
    expect(rows.map((r) => r.messageId).sort()).toEqual(['race-a', 'race-r', 'race-u']);
  });
});
