import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { municipalityByCode } from '../../../db/reference/municipalities.ts';
import { auditLog, dischargeCases, dischargeMessages, patients } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { createIntegrationClient } from '../../../server/discharge/api-keys.ts';
import { createLogger } from '../../../server/logger.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';
import { message, post, testPersonalNumber } from './support.ts';

/** Messages that name the patient by personal number: no patientId. */
const byNumber = (
  id: string,
  kind: string,
  sentAt: string,
  extra: Record<string, unknown>,
  stayId: string,
) => {
  const { patientId: _omitted, ...m } = message(id, kind, sentAt, extra, { stayId });
  return m;
};

describe.each(dbKinds())('discharge patient by personal number on %s', (kind) => {
  let database: Database;
  let app: App;
  let key: string;
  const lines: string[] = [];
  let clock = Date.parse('2026-11-23T12:00:00Z');
  const NEW = testPersonalNumber('981');
  const PLACED = testPersonalNumber('982');
  const LINKED = testPersonalNumber('983');
  const UNKNOWN = testPersonalNumber('984');
  const RACED = testPersonalNumber('985');
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    key = (await createIntegrationClient(database.db, 'lifecare-sp', ['0180'])).key;
    app = await testApp(database, {
      now: () => new Date((clock += 1000)),
      logger: createLogger('debug', {}, (l) => lines.push(l)),
    });
  });
  afterAll(async () => database.close());

  const patientByNumber = async (pn: string) =>
    database.db.select().from(patients).where(eq(patients.personalNumber, pn));
  const caseOf = async (stayId: string) =>
    (await database.db.select().from(dischargeCases).where(eq(dischargeCases.stayId, stayId)))[0];
  const counts = async () => ({
    messages: (await database.db.select({ n: count() }).from(dischargeMessages))[0].n,
    cases: (await database.db.select({ n: count() }).from(dischargeCases))[0].n,
    patients: (await database.db.select({ n: count() }).from(patients))[0].n,
  });
  const admission = (id: string, stayId: string, patient: Record<string, unknown>) =>
    byNumber(
      id,
      'admission',
      '2026-11-23T08:00:00Z',
      { hospital: 'Karolinska Huddinge', ward: 'Avd 42', needs: ['medication'], patient },
      stayId,
    );

  it('an admission for an unknown number creates the patient with the case, once; later messages name them by number only', async () => {
    const m = admission('pn-adm-1', 'PN-1', {
      personalNumber: NEW,
      name: 'Tolvan Tolvansson',
      address: 'Testgatan 12, 111 22 Stockholm',
    });
    const first = await post(app, key, m);
    expect(first.status).toBe(200);
    const again = await post(app, key, m);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    const made = await patientByNumber(NEW);
    expect(made).toHaveLength(1);
    // No coordinates: the municipality's centre, the place not confirmed; an ordinary home.
    const centre = municipalityByCode('0180')!;
    expect(made[0]).toMatchObject({
      municipalityCode: '0180',
      name: 'Tolvan Tolvansson',
      address: 'Testgatan 12, 111 22 Stockholm',
      lat: centre.lat,
      lon: centre.lon,
      locationConfirmed: false,
      careSetting: 'ordinary_home',
    });
    expect((await caseOf('PN-1')).patientId).toBe(made[0].id);
    const created = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, made[0].id), eq(auditLog.action, 'patient.create')));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ userId: 'integration:lifecare-sp' });

    const ready = await post(
      app,
      key,
      byNumber(
        'pn-ready-1',
        'ready_for_discharge',
        '2026-11-23T09:00:00Z',
        { readyAt: '2026-11-23T09:00:00Z', personalNumber: NEW },
        'PN-1',
      ),
    );
    expect(ready.status).toBe(200);
    expect(await caseOf('PN-1')).toMatchObject({ status: 'ready', patientId: made[0].id });

    // The case shows the patient: name, number, the place unconfirmed (and the read audited).
    const token = await loginAs(app, 'scheduler');
    const res = await app.request(`/api/discharge/cases/${first.body.caseId}`, {
      headers: bearer(token),
    });
    const body = (await res.json()) as any;
    expect(body).toMatchObject({
      patientId: made[0].id,
      patientName: 'Tolvan Tolvansson',
      personalNumber: NEW,
      locationConfirmed: false,
    });
    expect(JSON.stringify(body.timeline)).not.toContain(NEW);
  });

  it('with coordinates the patient is placed there, the place confirmed', async () => {
    const res = await post(
      app,
      key,
      admission('pn-adm-2', 'PN-2', {
        personalNumber: PLACED,
        name: 'Test Testsson',
        address: 'Provvägen 3, Stockholm',
        lat: 59.3,
        lon: 18.05,
      }),
    );
    expect(res.status).toBe(200);
    const [p] = await patientByNumber(PLACED);
    expect(p).toMatchObject({ lat: 59.3, lon: 18.05, locationConfirmed: true });
  });

  it('a known patient named by id and number gets the number; then the number alone finds them', async () => {
    const both = await post(
      app,
      key,
      message(
        'pn-adm-3',
        'admission',
        '2026-11-23T08:00:00Z',
        { hospital: 'Danderyd', ward: 'Avd 1', personalNumber: LINKED },
        { stayId: 'PN-3' },
      ),
    );
    expect(both.status).toBe(200);
    const [p] = await patientByNumber(LINKED);
    expect(p.id).toBe(IDS.patient);
    const later = await post(
      app,
      key,
      byNumber(
        'pn-cancel-3',
        'cancelled',
        '2026-11-23T10:00:00Z',
        { personalNumber: LINKED },
        'PN-3',
      ),
    );
    expect(later.status).toBe(200);
    expect(await caseOf('PN-3')).toMatchObject({ status: 'cancelled', patientId: IDS.patient });
  });

  it('the same new admission twice at once creates one patient and one message', async () => {
    const m = admission('pn-adm-race', 'PN-RACE', {
      personalNumber: RACED,
      name: 'Samtidig Testsson',
      address: 'Parallellgatan 2, Stockholm',
    });
    const both = await Promise.all([post(app, key, m), post(app, key, m)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both[0].body.caseId).toBe(both[1].body.caseId);
    expect(await patientByNumber(RACED)).toHaveLength(1);
    const [{ n }] = await database.db
      .select({ n: count() })
      .from(dischargeMessages)
      .where(eq(dischargeMessages.messageId, 'pn-adm-race'));
    expect(n).toBe(1);
  });

  it('bad or inconsistent identity: a 4xx naming the field, nothing stored, no number logged', async () => {
    const before = await counts();
    const field = async (body: unknown, status: number) => {
      const res = await post(app, key, body);
      expect(res.status).toBe(status);
      return res.body.error.details.map((d: any) => d.field);
    };
    const wrongCheck = `${UNKNOWN.slice(0, 11)}${(Number(UNKNOWN[11]) + 1) % 10}`;
    const details = { name: 'Ny Patient', address: 'Okänd väg 1, Stockholm' };
    // Not a valid number: the check digit, the date, the length.
    expect(
      await field(
        byNumber(
          'bad-pn-1',
          'cancelled',
          '2026-11-23T10:00:00Z',
          { personalNumber: wrongCheck },
          'PN-X',
        ),
        400,
      ),
    ).toEqual(['body.personalNumber']);
    expect(
      await field(
        admission('bad-pn-2', 'PN-X', { ...details, personalNumber: '191213321212' }),
        400,
      ),
    ).toEqual(['body.patient.personalNumber']);
    expect(
      await field(
        byNumber(
          'bad-pn-3',
          'cancelled',
          '2026-11-23T10:00:00Z',
          { personalNumber: '1912121212' },
          'PN-X',
        ),
        400,
      ),
    ).toEqual(['body.personalNumber']);
    // No patient named at all.
    expect(
      await field(byNumber('bad-pn-4', 'cancelled', '2026-11-23T10:00:00Z', {}, 'PN-X'), 400),
    ).toEqual(['body.patientId']);
    // The top-level number and the details' number differ.
    expect(
      await field(
        {
          ...admission('bad-pn-5', 'PN-X', { ...details, personalNumber: UNKNOWN }),
          personalNumber: NEW,
        },
        400,
      ),
    ).toEqual(['body.patient.personalNumber']);
    // The id and the number are two different patients.
    expect(
      await field(
        message(
          'bad-pn-6',
          'cancelled',
          '2026-11-23T10:00:00Z',
          { personalNumber: NEW },
          { stayId: 'PN-X' },
        ),
        422,
      ),
    ).toEqual(['body.personalNumber']);
    // An unknown number without the details: on a later message, and on an admission.
    expect(
      await field(
        byNumber(
          'bad-pn-7',
          'ready_for_discharge',
          '2026-11-23T10:00:00Z',
          { readyAt: '2026-11-23T10:00:00Z', personalNumber: UNKNOWN },
          'PN-X',
        ),
        422,
      ),
    ).toEqual(['body.personalNumber']);
    expect(
      await field(
        byNumber(
          'bad-pn-8',
          'admission',
          '2026-11-23T10:00:00Z',
          { hospital: 'S', ward: 'W', personalNumber: UNKNOWN },
          'PN-X',
        ),
        422,
      ),
    ).toEqual(['body.patient']);
    // Only one of lat and lon.
    expect(
      await field(
        admission('bad-pn-9', 'PN-X', { ...details, personalNumber: UNKNOWN, lat: 59.3 }),
        400,
      ),
    ).toEqual(['body.patient.lon']);
    expect(await counts()).toEqual(before);
    expect(await patientByNumber(UNKNOWN)).toHaveLength(0);
    const refusals = lines.filter((l) => l.includes('discharge message refused'));
    expect(refusals.length).toBeGreaterThanOrEqual(9);
    for (const l of lines)
      for (const pn of [NEW, PLACED, LINKED, UNKNOWN, RACED, wrongCheck])
        expect(l).not.toContain(pn);
  });
});
