import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { patients, shifts } from '../../../db/schema/index.ts';
import { economics } from '../../../server/board/economics.ts';
import { parsePeriod } from '../../../server/board/period.ts';
import { freshDatabase } from '../../support/databases.ts';
import { B, addPatient, addVisit, at, insertBoardWorld } from './support/board-world.ts';

/**
 * Two months, Stockholm at UTC+1 on both sides (summer time ended on 25 October).
 * Patients: P1 ordinary home at (59.30, 18.00), P2 HVB home at (59.31, 18.00), P3 asylum
 * housing at (59.30, 18.02).
 * 31 Oct: the AN's shift 07:00–15:00 (8 h); the AN visits P1 09:00 (plan, set off 08:30,
 *   started 09:00: 30 min travel), P2 10:00 (plan), P1 11:00 (urgent call), all done.
 *   Distance: P1→P2→P1, 2 × 0.01° of latitude = 2 × 6 371 008.8 m × 0.01·π/180 = 2 × 1 111.95 m,
 *   × 1.3 detour = 2.891 km.
 * 1 Nov: the RN's shifts 08:00–14:00 (6 h) and on 2 Nov 08:00–10:00 (2 h): 8 h; the RN visits
 *   P3 09:00 (discharge; 08:45 to 09:05: 20 min travel) and P1 10:00 (single), done, and
 *   P2 11:00 cancelled (counted nowhere). Distance P3→P1: 0.02° of longitude at 59.30°N =
 *   6 371 008.8 × cos 59.30° × 0.02·π/180 = 1 135.4 m, × 1.3 = 1.476 km.
 */
describe('economics per municipality and month', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const db = database.db;
    await insertBoardWorld(db);
    const P1 = await addPatient(db, 'P1');
    const P2 = await addPatient(db, 'P2', null, '0180', 'hvb_home');
    const P3 = await addPatient(db, 'P3', null, '0180', 'asylum_housing');
    const place = (id: string, lat: number, lon: number) =>
      db.update(patients).set({ lat, lon }).where(eq(patients.id, id));
    await place(P1, 59.3, 18.0);
    await place(P2, 59.31, 18.0);
    await place(P3, 59.3, 18.02);
    const shift = (staffId: string, date: string, from: string, to: string) => ({
      staffId,
      municipalityCode: '0180',
      kind: 'day' as const,
      startsAt: at(date, from),
      endsAt: at(date, to),
    });
    await db
      .insert(shifts)
      .values([
        shift(B.an, '2026-10-31', '07:00', '15:00'),
        shift(B.rn, '2026-11-01', '08:00', '14:00'),
        shift(B.rn, '2026-11-02', '08:00', '10:00'),
      ]);
    const oct = '2026-10-31';
    const nov = '2026-11-01';
    await addVisit(db, {
      patientId: P1,
      date: oct,
      from: '09:00',
      staffIds: [B.an],
      enRoute: '08:30',
      started: '09:00',
      finished: '09:30',
    });
    await addVisit(db, { patientId: P2, date: oct, from: '10:00', staffIds: [B.an] });
    await addVisit(db, {
      patientId: P1,
      date: oct,
      from: '11:00',
      staffIds: [B.an],
      source: 'urgent_call',
      priority: 'urgent2',
    });
    await addVisit(db, {
      patientId: P3,
      date: nov,
      from: '09:00',
      staffIds: [B.rn],
      source: 'discharge',
      enRoute: '08:45',
      started: '09:05',
      finished: '09:35',
    });
    await addVisit(db, {
      patientId: P1,
      date: nov,
      from: '10:00',
      staffIds: [B.rn],
      source: 'single',
    });
    await addVisit(db, {
      patientId: P2,
      date: nov,
      from: '11:00',
      staffIds: [B.rn],
      status: 'cancelled',
    });
  });
  afterAll(async () => database.close());

  it('gives staff hours, travel and visits by kind and setting per month', async () => {
    const period = parsePeriod({ from: '2026-10-01', to: '2026-11-30' }, '2026-11-30');
    const rows = await economics(database.db, { municipalities: ['0180'], teamId: null, period });
    expect(rows.map((r) => r.month)).toEqual(['2026-10', '2026-11']);
    const [oct, nov] = rows;
    expect(oct).toMatchObject({
      staffHours: { rn: 0, an: 8, ot: 0, pt: 0, dietitian: 0 },
      travel: { reportedHours: 0.5 },
      visitsBySource: { plan: 2, urgent_call: 1, single: 0, discharge: 0 },
      visitsByCareSetting: { ordinary_home: 2, hvb_home: 1, asylum_housing: 0 },
    });
    expect(oct.travel.estimatedKm).toBeCloseTo(2.891, 3);
    expect(nov).toMatchObject({
      staffHours: { rn: 8, an: 0 },
      visitsBySource: { plan: 0, urgent_call: 0, single: 1, discharge: 1 },
      visitsByCareSetting: { ordinary_home: 1, hvb_home: 0, asylum_housing: 1 },
    });
    expect(nov.travel.reportedHours).toBeCloseTo(20 / 60, 9);
    expect(nov.travel.estimatedKm).toBeCloseTo(1.476, 3);
  });
});
