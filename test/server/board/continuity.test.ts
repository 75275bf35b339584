import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { continuityPatients, continuitySummary } from '../../../server/board/continuity.ts';
import { parsePeriod } from '../../../server/board/period.ts';
import { freshDatabase } from '../../support/databases.ts';
import { B, addPatient, addVisit, days, insertBoardWorld } from './support/board-world.ts';

/**
 * The Kolada window: the 14 days 2026-11-10 … 2026-11-23 (the period ends on the 23rd).
 *
 * Patient A (no contact caregiver): 08:00 by the RN and 18:00 by the AN every day, except that
 *   on day 14 the 18:00 visit is made by AN2, who started it at 22:15 (after 22: not counted
 *   for the indicator); on day 7 a 23:00 visit by RN Night (outside 07–22); on day 10 a 12:00
 *   visit to RN Norr that was cancelled (nobody met). Eligible (two visits due 07–22 each day).
 *   Kolada: {RN, AN} = 2; all hours: {RN, AN, AN2, RN Night} = 4. Team: the mode of the
 *   caregivers who met them, Team Söder.
 * Patient B: 09:00 and 15:00 by the RN, but on day 5 the second is at 22:30: one visit due
 *   07–22 that day, so B does not count (although met every day).
 * Patient C: 07:00 and 21:59 by the RN (both inside [07, 22)), and on day 3 a two-person
 *   visit at 12:00 by the RN and AN2: Kolada {RN, AN2} = 2, all hours 2. Team Söder.
 * Patient D (contact caregiver RN Norr, so Team Norr): 08:00 by the RN on days 1–7, by the AN
 *   on days 8–14; 20:00 by RN Night, except day 11 by AN2: Kolada {RN, AN, RN Night, AN2} = 4,
 *   all hours 4.
 * Patient E: eligible in the window but with no visit done yet (all assigned): 0 and 0.
 *
 * Municipality (A, C, D, E): Kolada [0, 2, 2, 4]: median (2+2)/2 = 2, p90 nearest rank
 *   ceil(0.9·4) = 4th = 4. All hours [0, 2, 4, 4]: median 3, p90 4.
 * Team Söder (A, C; E has neither contact nor met caregivers, so no team): Kolada [2, 2]
 *   median 2, p90 2; all hours [2, 4] median 3, p90 4. Team Norr (D): 4 and 4.
 */
describe('caregiver continuity, the Kolada way and over all hours', () => {
  let database: Database;
  const ids: Record<string, string> = {};
  const period = parsePeriod({ from: '2026-11-01', to: '2026-11-23' }, '2026-11-23');
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const db = database.db;
    await insertBoardWorld(db);
    ids.A = await addPatient(db, 'A');
    ids.B = await addPatient(db, 'B');
    ids.C = await addPatient(db, 'C');
    ids.D = await addPatient(db, 'D', B.rnNorr);
    ids.E = await addPatient(db, 'E');
    // A day before the window that must not count: a visit to A by RN Norr on the 9th.
    await addVisit(db, {
      patientId: ids.A,
      date: '2026-11-09',
      from: '10:00',
      staffIds: [B.rnNorr],
    });
    for (const [i, date] of days('2026-11-10', 14).entries()) {
      const day = i + 1;
      await addVisit(db, { patientId: ids.A, date, from: '08:00', staffIds: [B.rn] });
      if (day === 14)
        await addVisit(db, {
          patientId: ids.A,
          date,
          from: '18:00',
          staffIds: [B.an2],
          started: '22:15',
          finished: '22:45',
        });
      else await addVisit(db, { patientId: ids.A, date, from: '18:00', staffIds: [B.an] });
      if (day === 7)
        await addVisit(db, { patientId: ids.A, date, from: '23:00', staffIds: [B.rnNight] });
      if (day === 10)
        await addVisit(db, {
          patientId: ids.A,
          date,
          from: '12:00',
          staffIds: [B.rnNorr],
          status: 'cancelled',
        });

      await addVisit(db, { patientId: ids.B, date, from: '09:00', staffIds: [B.rn] });
      await addVisit(db, {
        patientId: ids.B,
        date,
        from: day === 5 ? '22:30' : '15:00',
        staffIds: [B.rn],
      });

      await addVisit(db, { patientId: ids.C, date, from: '07:00', staffIds: [B.rn] });
      await addVisit(db, { patientId: ids.C, date, from: '21:59', staffIds: [B.rn] });
      if (day === 3)
        await addVisit(db, {
          patientId: ids.C,
          date,
          from: '12:00',
          staffIds: [B.rn, B.an2],
          staffCount: 2,
        });

      await addVisit(db, {
        patientId: ids.D,
        date,
        from: '08:00',
        staffIds: [day <= 7 ? B.rn : B.an],
      });
      await addVisit(db, {
        patientId: ids.D,
        date,
        from: '20:00',
        staffIds: [day === 11 ? B.an2 : B.rnNight],
      });

      await addVisit(db, {
        patientId: ids.E,
        date,
        from: '09:00',
        staffIds: [B.rn],
        status: 'assigned',
      });
      await addVisit(db, {
        patientId: ids.E,
        date,
        from: '19:00',
        staffIds: [B.an],
        status: 'assigned',
      });
    }
  });
  afterAll(async () => database.close());

  const scope = (teamId: string | null = null) => ({ municipalities: ['0180'], teamId, period });

  it('counts the patients who count and the caregivers they met', async () => {
    const rows = await continuityPatients(database.db, scope());
    const byId = new Map(rows.map((r) => [r.patientId, r]));
    expect(byId.has(ids.B)).toBe(false);
    expect(byId.get(ids.A)).toMatchObject({ kolada: 2, allHours: 4, teamId: B.team });
    expect(byId.get(ids.C)).toMatchObject({ kolada: 2, allHours: 2, teamId: B.team });
    expect(byId.get(ids.D)).toMatchObject({ kolada: 4, allHours: 4, teamId: B.teamNorr });
    expect(byId.get(ids.E)).toMatchObject({ kolada: 0, allHours: 0, teamId: null });
    expect(rows).toHaveLength(4);
  });

  it('gives median and nearest-rank p90 per municipality and per team', async () => {
    const rows = await continuitySummary(database.db, scope());
    expect(rows).toEqual([
      {
        municipalityCode: '0180',
        teamId: null,
        patients: 4,
        kolada: { median: 2, p90: 4 },
        allHours: { median: 3, p90: 4 },
      },
      ...[
        {
          municipalityCode: '0180',
          teamId: B.team,
          patients: 2,
          kolada: { median: 2, p90: 2 },
          allHours: { median: 3, p90: 4 },
        },
        {
          municipalityCode: '0180',
          teamId: B.teamNorr,
          patients: 1,
          kolada: { median: 4, p90: 4 },
          allHours: { median: 4, p90: 4 },
        },
      ].sort((a, b) => (a.teamId < b.teamId ? -1 : 1)),
    ]);
  });

  it('narrows to one team, and gives a municipality without patients who count a zero line', async () => {
    const norr = await continuitySummary(database.db, scope(B.teamNorr));
    expect(norr.find((r) => r.teamId === null)).toMatchObject({
      patients: 1,
      kolada: { median: 4 },
    });
    const solna = await continuitySummary(database.db, { ...scope(), municipalities: ['0184'] });
    expect(solna).toEqual([
      {
        municipalityCode: '0184',
        teamId: null,
        patients: 0,
        kolada: { median: 0, p90: 0 },
        allHours: { median: 0, p90: 0 },
      },
    ]);
  });
});
