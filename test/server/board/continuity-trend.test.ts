import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { continuitySummary } from '../../../server/board/continuity.ts';
import { continuityTrend } from '../../../server/board/continuity-trend.ts';
import { parsePeriod } from '../../../server/board/period.ts';
import { freshDatabase } from '../../support/databases.ts';
import { B, addPatient, addVisit, days, insertBoardWorld } from './support/board-world.ts';

/**
 * The continuity trend: for each day d of 13–23 November, the Kolada figure over the 14 days
 * d − 13 … d.
 *
 * X: 08:00 and 18:00 every day 1–23 November; mornings by the RN on 1–5, by AN2 on 6–23;
 *   evenings by the AN; on the 20th a 23:00 visit by RN Night (outside 07–22: not counted).
 *   Counts for windows starting 1 November or later: d ≥ 14. Window ending 14–18 (starting
 *   1–5) holds {RN, AN, AN2} = 3; ending 19–23 (starting 6–10): {AN, AN2} = 2.
 * Z: 09:00 and 15:00 by the RN every day 1–23, but only one visit on the 3rd: counts for the
 *   windows starting the 4th or later, d ≥ 17: {RN} = 1.
 * Y: 10:00 and 16:00 by the RN from the 10th: counts only for the window 10–23: 1.
 *
 * Medians: 13th nobody (null); 14–16 [3] = 3; 17–18 [1, 3] = 2; 19–22 [1, 2] = 1.5;
 * 23rd [1, 1, 2] = 1 — the same as the period figure of continuity.ts on the 23rd.
 */
describe('the continuity trend: Kolada over the 14 days ending each day', () => {
  let database: Database;
  const period = parsePeriod({ from: '2026-11-13', to: '2026-11-23' }, '2026-11-23');
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const db = database.db;
    await insertBoardWorld(db);
    const X = await addPatient(db, 'X');
    const Y = await addPatient(db, 'Y');
    const Z = await addPatient(db, 'Z');
    for (const [i, date] of days('2026-11-01', 23).entries()) {
      const day = i + 1;
      await addVisit(db, {
        patientId: X,
        date,
        from: '08:00',
        staffIds: [day <= 5 ? B.rn : B.an2],
      });
      await addVisit(db, { patientId: X, date, from: '18:00', staffIds: [B.an] });
      if (day === 20)
        await addVisit(db, { patientId: X, date, from: '23:00', staffIds: [B.rnNight] });
      await addVisit(db, { patientId: Z, date, from: '09:00', staffIds: [B.rn] });
      if (day !== 3) await addVisit(db, { patientId: Z, date, from: '15:00', staffIds: [B.rn] });
      if (day >= 10) {
        await addVisit(db, { patientId: Y, date, from: '10:00', staffIds: [B.rn] });
        await addVisit(db, { patientId: Y, date, from: '16:00', staffIds: [B.rn] });
      }
    }
  });
  afterAll(async () => database.close());

  it('gives each day the median of the window ending that day, and who counts', async () => {
    const trend = await continuityTrend(database.db, {
      municipalities: ['0180'],
      teamId: null,
      period,
    });
    expect(trend.map((d) => [d.day.slice(8), d.patients, d.koladaMedian])).toEqual([
      ['13', 0, null],
      ['14', 1, 3],
      ['15', 1, 3],
      ['16', 1, 3],
      ['17', 2, 2],
      ['18', 2, 2],
      ['19', 2, 1.5],
      ['20', 2, 1.5],
      ['21', 2, 1.5],
      ['22', 2, 1.5],
      ['23', 3, 1],
    ]);
  });

  it('agrees with the period figure on the last day, and narrows to a team', async () => {
    const scope = { municipalities: ['0180'], teamId: null, period };
    const [whole] = await continuitySummary(database.db, scope);
    expect(whole).toMatchObject({ patients: 3, kolada: { median: 1 } });
    // Team Norr has none of these caregivers: nobody counts on any day.
    const norr = await continuityTrend(database.db, { ...scope, teamId: B.teamNorr });
    expect(norr.every((d) => d.patients === 0 && d.koladaMedian === null)).toBe(true);
  });
});
