import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { events, visits } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';

const valid = {
  municipality: '0180',
  patientId: IDS.patient,
  windowStart: '2026-11-23T14:00:00+01:00',
  windowEnd: '2026-11-23T15:00:00+01:00',
  durationMinutes: 30,
  taskTypes: ['wound_dressing'],
};

describe.each(dbKinds())('POST /api/visits on %s', (kind) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    app = await testApp(database, { now: () => new Date('2026-11-23T12:00:00Z') });
  });
  afterAll(async () => database.close());

  const post = async (body: unknown, contentType = 'application/json') => {
    const res = await app.request('/api/visits', {
      method: 'POST',
      headers: { 'content-type': contentType, ...bearer(await loginAs(app, 'dispatcher')) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const rowCounts = async () => {
    const [[v], [e]] = await Promise.all([
      database.db.select({ n: count() }).from(visits),
      database.db.select({ n: count() }).from(events),
    ]);
    return { visits: v.n, events: e.n };
  };

  it('registers a visit with its event, numbering events without gaps', async () => {
    const first = await post(valid);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      windowStart: '2026-11-23T13:00:00.000Z',
      windowStartLocal: '2026-11-23T14:00:00+01:00',
      requiredProfession: 'rn',
      status: 'unassigned',
      source: 'single',
      version: 1,
    });
    // Local wall-clock time without an offset is Stockholm time.
    const second = await post({
      ...valid,
      windowStart: '2026-11-23T16:00',
      windowEnd: '2026-11-23T17:00',
    });
    expect(second.body.windowStart).toBe('2026-11-23T15:00:00.000Z');
    const rows = await database.db.select().from(events);
    expect(rows.map((r) => [r.municipalityCode, r.seq, r.type])).toEqual([
      ['0180', 1, 'visit.created'],
      ['0180', 2, 'visit.created'],
    ]);
  });

  it.each([
    ['malformed JSON', '{"municipality": "0180",', 400, 'malformed_json', 'body'],
    [
      'window ending before it starts',
      { ...valid, windowEnd: '2026-11-23T13:00:00+01:00' },
      400,
      'validation_failed',
      'body.windowEnd',
    ],
    [
      'a wrong type',
      { ...valid, durationMinutes: 'thirty' },
      400,
      'validation_failed',
      'body.durationMinutes',
    ],
    ['an unknown field', { ...valid, doorCode: '1234' }, 400, 'validation_failed', 'body'],
    [
      'an unknown task',
      { ...valid, taskTypes: ['surgery'] },
      400,
      'validation_failed',
      'body.taskTypes.0',
    ],
    [
      'tasks of two professions',
      { ...valid, taskTypes: ['rehab_training', 'nutrition_assessment'] },
      400,
      'validation_failed',
      'body.taskTypes',
    ],
    [
      'an unknown municipality',
      { ...valid, municipality: '9999' },
      404,
      'not_found',
      'body.municipality',
    ],
    [
      'a malformed municipality code',
      { ...valid, municipality: 'Stockholm' },
      400,
      'validation_failed',
      'body.municipality',
    ],
    [
      'an unknown patient',
      { ...valid, patientId: '00000000-0000-4000-8000-00000000dead' },
      404,
      'not_found',
      'body.patientId',
    ],
    [
      'a patient of another municipality',
      { ...valid, patientId: IDS.patientSolna },
      404,
      'not_found',
      'body.patientId',
    ],
    [
      'a time that does not exist (spring gap)',
      { ...valid, windowStart: '2027-03-28T02:30', windowEnd: '2027-03-28T04:00' },
      400,
      'validation_failed',
      'body.windowStart',
    ],
    [
      'a time that happens twice (autumn)',
      { ...valid, windowStart: '2026-10-25T02:30', windowEnd: '2026-10-25T04:00' },
      400,
      'validation_failed',
      'body.windowStart',
    ],
    [
      'a day-long window',
      { ...valid, windowEnd: '2026-11-25T15:00:00+01:00' },
      400,
      'validation_failed',
      'body.windowEnd',
    ],
    ['an array body', [valid], 400, 'validation_failed', 'body'],
  ])(
    'refuses %s, naming the field, and writes nothing',
    async (_name, body, status, code, field) => {
      const before = await rowCounts();
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('refuses a body that is not JSON and one that is too large', async () => {
    const before = await rowCounts();
    expect((await post(JSON.stringify(valid), 'text/plain')).status).toBe(415);
    const big = await post({ ...valid, padding: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(await rowCounts()).toEqual(before);
  });
});
