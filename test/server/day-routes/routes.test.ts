/**
 * GET /api/dispatch/day-routes: a caregiver's travel before each visit in planned order (from
 * the base first) by the server's estimate, their break placed by the rule, the day's visits
 * without patient data; only yesterday to tomorrow, only in the user's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { assignments, shifts, visits } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { estimateTravel } from '../../../server/solver-bridge/travel.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';

const AFTERNOON = '20000000-0000-4000-8000-0000000000a1';
const LATE_YESTERDAY = '20000000-0000-4000-8000-0000000000b1';
const NIGHT_TODAY = '20000000-0000-4000-8000-0000000000b2';
let database: Database;
let app: App;
let token: string;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  await database.db.insert(shifts).values({
    staffId: IDS.rn,
    municipalityCode: '0180',
    kind: 'evening',
    startsAt: new Date('2026-11-23T12:00:00Z'),
    endsAt: new Date('2026-11-23T21:00:00Z'),
  });
  // Before the evening visit, at another patient's.
  await database.db.insert(visits).values({
    id: AFTERNOON,
    municipalityCode: '0180',
    patientId: IDS.patientUnrouted,
    windowStart: new Date('2026-11-23T13:00:00Z'),
    windowEnd: new Date('2026-11-23T14:00:00Z'),
    durationMinutes: 30,
    taskTypes: ['insulin_pen'],
    requiredProfession: 'rn',
    status: 'assigned',
  });
  await database.db.insert(assignments).values({
    visitId: AFTERNOON,
    staffId: IDS.rn,
    plannedStart: new Date('2026-11-23T13:30:00Z'),
    routeOrder: 0,
  });
  // Bo's night shift over midnight: 23:00 yesterday, then 01:30 today (Stockholm).
  await database.db.insert(shifts).values({
    staffId: IDS.an,
    municipalityCode: '0180',
    kind: 'night',
    startsAt: new Date('2026-11-22T21:00:00Z'),
    endsAt: new Date('2026-11-23T06:30:00Z'),
  });
  const night = (id: string, patientId: string, start: string) => ({
    id,
    municipalityCode: '0180',
    patientId,
    windowStart: new Date(start),
    windowEnd: new Date(Date.parse(start) + 1800_000),
    durationMinutes: 20,
    taskTypes: ['supervision' as const],
    requiredProfession: 'an' as const,
    status: 'done' as const,
  });
  await database.db
    .insert(visits)
    .values([
      night(LATE_YESTERDAY, IDS.patientUnrouted, '2026-11-22T22:00:00Z'),
      night(NIGHT_TODAY, IDS.patient, '2026-11-23T00:30:00Z'),
    ]);
  await database.db.insert(assignments).values([
    {
      visitId: LATE_YESTERDAY,
      staffId: IDS.an,
      plannedStart: new Date('2026-11-22T22:00:00Z'),
      routeOrder: 0,
    },
    {
      visitId: NIGHT_TODAY,
      staffId: IDS.an,
      plannedStart: new Date('2026-11-23T00:30:00Z'),
      routeOrder: 1,
    },
  ]);
  app = await testApp(database);
  token = await loginAs(app, 'dispatcher');
});

afterAll(async () => database?.close());

const get = (query: string, t = token) =>
  app.request(`/api/dispatch/day-routes?${query}`, { headers: bearer(t) });

describe('GET /api/dispatch/day-routes', () => {
  it("gives each caregiver's legs in planned order, from the base first, and their break", async () => {
    const res = await get('municipality=0180&day=2026-11-23');
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.from).toBe('2026-11-22T23:00:00.000Z');
    expect(body.to).toBe('2026-11-23T23:00:00.000Z');
    const anna = body.routes.find((r: { staffId: string }) => r.staffId === IDS.rn);
    const trip = estimateTravel().trip!;
    const base = { lat: 59.31, lon: 18.07 };
    const first = { lat: 59.32, lon: 18.06 };
    const second = { lat: 59.315, lon: 18.072 };
    const minutes = (a: typeof base, b: typeof base) => Math.ceil(trip(a, b, 'car').seconds / 60);
    expect(anna.legs).toEqual([
      { fromVisitId: null, toVisitId: AFTERNOON, travelMinutes: minutes(base, first) },
      {
        fromVisitId: AFTERNOON,
        toVisitId: IDS.visitEvening,
        travelMinutes: minutes(first, second),
      },
    ]);
    expect(anna.legs[0].travelMinutes).toBeGreaterThan(4);
    // 12:00–21:00 UTC: the break window opens at 15:30 UTC, free then.
    expect(anna.breaks).toEqual([{ start: '2026-11-23T15:30:00.000Z', minutes: 30 }]);
    expect(body.shifts.map((s: { name: string }) => s.name)).toEqual(['Bo Berg', 'Anna Andersson']);
    const ids = body.visits.map((v: { id: string }) => v.id);
    expect(ids).toContain(IDS.visitEvening);
    expect(ids).not.toContain(IDS.visitTomorrow);
    expect(JSON.stringify(body)).not.toContain(IDS.patient);
  });

  it("leads a night shift's first visit after midnight from the one before it, not the base", async () => {
    const body = await (await get('municipality=0180&day=2026-11-23')).json();
    const bo = body.routes.find((r: { staffId: string }) => r.staffId === IDS.an);
    const trip = estimateTravel().trip!;
    const minutes = Math.ceil(
      trip({ lat: 59.32, lon: 18.06 }, { lat: 59.315, lon: 18.072 }, 'bike').seconds / 60,
    );
    // Only today's visit is listed, led from yesterday's.
    expect(bo.legs).toEqual([
      { fromVisitId: LATE_YESTERDAY, toVisitId: NIGHT_TODAY, travelMinutes: minutes },
    ]);
    const ids = body.visits.map((v: { id: string }) => v.id);
    expect(ids).toContain(NIGHT_TODAY);
    expect(ids).not.toContain(LATE_YESTERDAY);
  });

  it('leaves the shifts and visits out when only the routes are asked for', async () => {
    const body = await (await get('municipality=0180&day=2026-11-23&only=routes')).json();
    expect(body.shifts).toEqual([]);
    expect(body.visits).toEqual([]);
    expect(body.routes.map((r: { staffId: string }) => r.staffId).sort()).toEqual(
      [IDS.rn, IDS.an].sort(),
    );
    expect((await get('municipality=0180&day=2026-11-23&only=visits')).status).toBe(400);
  });

  it('answers tomorrow and yesterday, and names the day field for any other', async () => {
    const tomorrow = await (await get('municipality=0180&day=2026-11-24')).json();
    expect(tomorrow.visits.map((v: { id: string }) => v.id)).toEqual([IDS.visitTomorrow]);
    expect(tomorrow.routes).toEqual([]);
    expect((await get('municipality=0180&day=2026-11-22')).status).toBe(200);
    const far = await get('municipality=0180&day=2026-11-26');
    expect(far.status).toBe(400);
    expect(JSON.stringify(await far.json())).toContain('query.day');
    const bad = await get('municipality=0180&day=igår');
    expect(bad.status).toBe(400);
  });

  it('refuses a municipality outside the scope and a caregiver', async () => {
    expect((await get('municipality=0184&day=2026-11-23')).status).toBe(403);
    const caregiver = await loginAs(app, 'caregiver');
    expect((await get('municipality=0180&day=2026-11-23', caregiver)).status).toBe(403);
  });
});
