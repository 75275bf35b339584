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
    // Issue 16: a window is where the visit may start; it must have a length.
    [
      'a window of zero length',
      { ...valid, windowEnd: valid.windowStart },
      400,
      'validation_failed',
      'body.windowEnd',
    ],
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

  // Issue 16: years below 100 were stored as another date (0001-12-05 as 2005-01-12).
  it.each([
    ['a year below 100', '0001-12-05T12:00:00+01:00', '0001-12-05T13:00:00+01:00'],
    ['year 99', '0099-06-01T12:00Z', '0099-06-01T13:00Z'],
    ['year 1900', '1900-06-01T12:00Z', '1900-06-01T13:00Z'],
    ['year 9999', '9999-06-01T12:00Z', '9999-06-01T13:00Z'],
    ['more than a year back', '2025-11-01T12:00:00+01:00', '2025-11-01T13:00:00+01:00'],
    ['more than two years ahead', '2028-12-01T12:00:00+01:00', '2028-12-01T13:00:00+01:00'],
    ['a week date', '2026-W48-1T14:00+01:00', '2026-11-23T15:00:00+01:00'],
    ['the basic format', '20261123T1400+0100', '2026-11-23T15:00:00+01:00'],
    ['hour 24', '2026-11-23T24:00:00+01:00', '2026-11-24T01:00:00+01:00'],
    ['an offset of 99 hours', '2026-11-23T14:00:00+99:00', '2026-11-23T15:00:00+01:00'],
    ['more than milliseconds', '2026-11-23T14:00:00.0001+01:00', '2026-11-23T15:00:00+01:00'],
  ])(
    'refuses a window start of %s with 400 naming it, and writes nothing',
    async (_n, windowStart, windowEnd) => {
      const before = await rowCounts();
      const res = await post({ ...valid, windowStart, windowEnd });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: any) => d.field)).toContain('body.windowStart');
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('takes a window shorter than the visit: the window is when it may start', async () => {
    const res = await post({
      ...valid,
      windowStart: '2026-11-23T14:00:00.5+01:00',
      windowEnd: '2026-11-23T14:15:00+01:00',
      durationMinutes: 45,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      windowStart: '2026-11-23T13:00:00.500Z',
      windowEnd: '2026-11-23T13:15:00.000Z',
      durationMinutes: 45,
    });
  });

  it('refuses a body that is not JSON and one that is too large', async () => {
    const before = await rowCounts();
    expect((await post(JSON.stringify(valid), 'text/plain')).status).toBe(415);
    const big = await post({ ...valid, padding: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(await rowCounts()).toEqual(before);
  });
});
