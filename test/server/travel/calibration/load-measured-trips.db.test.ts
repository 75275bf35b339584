import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { bases, events, patients } from '../../../../db/schema/index.ts';
import type { App } from '../../../../server/app.ts';
import { loadMeasuredTrips } from '../../../../server/travel/calibration/load-measured-trips.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import { W, insertWorld } from '../../support/world.ts';

const V = (n: number) => `60000000-0000-4000-8000-00000000000${n}`;

/**
 * The RN (car) and the AN (bike) of the shared fixture, their base and two patients moved
 * onto one meridian, 0.01° of latitude apart (1111.95 m, haversine on a 6371008.8 m Earth).
 */
async function insertTrips(db: Database['db']) {
  await db.update(bases).set({ lat: 59.3, lon: 18 }).where(eq(bases.id, W.base));
  await db.update(patients).set({ lat: 59.31, lon: 18 }).where(eq(patients.id, W.patient));
  await db.update(patients).set({ lat: 59.33, lon: 18 }).where(eq(patients.id, W.patientUnrouted));
  let seq = 1000;
  const status = (
    at: string,
    visit: number,
    patientId: string,
    staffIds: string[],
    to: string,
  ) => ({
    municipalityCode: '0180',
    seq: seq++,
    type: 'visit.status_changed',
    createdAt: new Date(at),
    payload: {
      visit: { id: V(visit), patientId, assignees: staffIds.map((staffId) => ({ staffId })) },
      from: 'x',
      to,
    },
  });
  await db.insert(events).values([
    // The day before: outside the period asked for.
    status('2026-11-22T09:00:00Z', 9, W.patient, [W.rn], 'en_route'),
    status('2026-11-22T09:05:00Z', 9, W.patient, [W.rn], 'in_progress'),
    // From the base (59.30) to the patient (59.31): 1112 m in 600 s.
    status('2026-11-23T07:00:00Z', 1, W.patient, [W.rn], 'en_route'),
    status('2026-11-23T07:10:00Z', 1, W.patient, [W.rn], 'in_progress'),
    status('2026-11-23T07:40:00Z', 1, W.patient, [W.rn], 'done'),
    // From that patient to the next (59.33): 2224 m in 1200 s.
    status('2026-11-23T07:45:00Z', 2, W.patientUnrouted, [W.rn], 'en_route'),
    status('2026-11-23T08:05:00Z', 2, W.patientUnrouted, [W.rn], 'in_progress'),
    // Two caregivers: whose trip? Left out.
    status('2026-11-23T09:00:00Z', 3, W.patient, [W.rn, W.an], 'en_route'),
    status('2026-11-23T09:10:00Z', 3, W.patient, [W.rn, W.an], 'in_progress'),
    // Four hours en route: a forgotten button. Left out.
    status('2026-11-23T10:00:00Z', 4, W.patient, [W.an], 'en_route'),
    status('2026-11-23T14:00:00Z', 4, W.patient, [W.an], 'in_progress'),
    // Started without en route: no trip.
    status('2026-11-23T15:00:00Z', 5, W.patientUnrouted, [W.an], 'in_progress'),
  ]);
}

describe.each(dbKinds())('measured trips on %s', (kind) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    await insertUsers(database.db);
    await insertTrips(database.db);
    app = await testApp(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('times trips from en route to started, from the base or the previous patient', async () => {
    const day = { from: new Date('2026-11-22T23:00:00Z'), to: new Date('2026-11-23T23:00:00Z') };
    expect(await loadMeasuredTrips(database.db, { municipality: '0180', ...day })).toEqual([
      { municipality: '0180', mode: 'car', straightMetres: 1112, measuredSeconds: 600 },
      { municipality: '0180', mode: 'car', straightMetres: 2224, measuredSeconds: 1200 },
    ]);
    expect(await loadMeasuredTrips(database.db, { municipality: '0184', ...day })).toEqual([]);
  });

  it('reports them to an admin at GET /api/travel/calibration', async () => {
    const admin = await loginAs(app, 'admin');
    const ask = async (query: string, token = admin) =>
      app.request(`/api/travel/calibration?${query}`, { headers: bearer(token) });
    const res = await ask('municipality=0180&from=2026-11-23&to=2026-11-23&minTrips=2');
    expect(res.status).toBe(200);
    const body = await res.json();
    // Estimate, car: 1112 m × 1.3 = 1446 m → 173.5 s; (173.5 + 240) × 1.1 + 60 = 514.9 → 515;
    // 2224 m → 2891 m → 346.9 s; (346.9 + 240) × 1.1 + 60 = 705.6 → 706. Mean 1221 / 2 → 611;
    // 1800 / 1221 = 1.474.
    // Line through (1112, 600) and (2224, 1200): 600 / 1112 = 0.53957 s/m, intercept 0.
    expect(body).toMatchObject({
      municipality: '0180',
      from: '2026-11-23',
      to: '2026-11-23',
      minTrips: 2,
      rows: [
        {
          municipality: '0180',
          mode: 'car',
          trips: 2,
          meanStraightMetres: 1668,
          meanMeasuredSeconds: 900,
          meanEstimatedSeconds: 611,
          measuredOverEstimated: 1.474,
          fit: { interceptSeconds: 0, secondsPerMetre: 0.53957 },
        },
      ],
    });
    // Both days, all municipalities: the day before's trip (base to patient, 300 s) counts too.
    expect((await (await ask('from=2026-11-22&to=2026-11-23')).json()).rows[0].trips).toBe(3);
    expect((await ask('municipality=9999')).status).toBe(404);
    const bad = await ask('from=2026-11-23&to=2026-11-22');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe('query.to');
    expect((await ask('minTrips=1')).status).toBe(400);
    expect((await ask('', await loginAs(app, 'dispatcher'))).status).toBe(403);
  });
});
