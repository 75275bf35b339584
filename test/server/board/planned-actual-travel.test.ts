import { eq, and } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { assignments } from '../../../db/schema/index.ts';
import { boardFigures } from '../../../server/board/board-figures.ts';
import { figuresCsv } from '../../../server/board/board-csv.ts';
import { parsePeriod } from '../../../server/board/period.ts';
import { plannedActual } from '../../../server/board/planned-actual.ts';
import { freshDatabase } from '../../support/databases.ts';
import { B, addPatient, addVisit, insertBoardWorld } from './support/board-world.ts';

const D = '2026-11-20';

/**
 * Planned against reported travel on one hand-built day (local times, every visit done
 * 30 minutes after it starts). Reported travel = start − set off; planned = the leg stored
 * on the assignment of the caregiver who reported (the first listed), in minutes:
 *   a AN  set off 08:40 start 09:00: 20 against 15  → +5
 *   b RN  set off 10:00 start 10:12: 12 against 10  → +2
 *   c AN  set off 11:00 start 11:30: 30 against 20  → +10
 *   d RN  set off 13:00 start 13:08:  8 against 12  → −4
 *   e AN  set off 14:00 start 14:25: 25, no plan priced it (null) → not compared
 *   f AN+RN, the AN reports: set off 15:00 start 15:18: 18 against the AN's 18 → 0
 *     (the RN's leg, 5, is not hers: taking it would give +13)
 *   g AN  no set-off reported, start 16:00: planned 10, nothing to compare
 * Reported: 20, 12, 30, 8, 25, 18 → mean 113/6, median (18 + 20)/2 = 19.
 * Planned: 15, 10, 20, 12, 18, 10 → mean 85/6.
 * Differences −4, 0, 2, 5, 10 → 5 visits, median 2, p90 (the first at or above 90 %) 10.
 */
describe('planned against reported travel on a hand-built day', () => {
  let database: Database;
  const period = parsePeriod({ from: D, to: D }, D);
  const scope = { municipalities: ['0180'], teamId: null, period };
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const db = database.db;
    await insertBoardWorld(db);
    const P = await addPatient(db, 'P', B.an);
    const leg = (visitId: string, staffId: string, minutes: number | null) =>
      db
        .update(assignments)
        .set({ plannedTravelSeconds: minutes === null ? null : minutes * 60 })
        .where(and(eq(assignments.visitId, visitId), eq(assignments.staffId, staffId)));
    const visit = async (
      staffIds: string[],
      enRoute: string | undefined,
      started: string,
      planned: (number | null)[],
    ) => {
      const [h, m] = started.split(':').map(Number);
      const end = h * 60 + m + 30;
      const hhmm = (n: number) => String(n).padStart(2, '0');
      const id = await addVisit(db, {
        patientId: P,
        date: D,
        from: started,
        staffIds,
        staffCount: staffIds.length as 1 | 2,
        enRoute,
        started,
        finished: `${hhmm(Math.floor(end / 60))}:${hhmm(end % 60)}`,
      });
      for (const [i, s] of staffIds.entries()) await leg(id, s, planned[i]);
    };
    await visit([B.an], '08:40', '09:00', [15]);
    await visit([B.rn], '10:00', '10:12', [10]);
    await visit([B.an], '11:00', '11:30', [20]);
    await visit([B.rn], '13:00', '13:08', [12]);
    await visit([B.an], '14:00', '14:25', [null]);
    await visit([B.an, B.rn], '15:00', '15:18', [18, 5]);
    await visit([B.an], undefined, '16:00', [10]);
  });
  afterAll(async () => database?.close());

  it('compares each visit with its own caregiver’s planned leg', async () => {
    const [r] = await plannedActual(database.db, scope);
    expect(r.visits).toBe(7);
    expect(r.travelMinutes.mean).toBeCloseTo(113 / 6, 9);
    expect(r.travelMinutes.median).toBe(19);
    expect(r.plannedTravelMinutes.mean).toBeCloseTo(85 / 6, 9);
    expect(r.travelOverrunMinutes).toEqual({ visits: 5, median: 2, p90: 10 });
  });

  it('per day too, and in the figures, their CSV and an empty period', async () => {
    const [day] = await plannedActual(database.db, scope, 'day');
    expect(day.day).toBe(D);
    expect(day.travelOverrunMinutes).toEqual({ visits: 5, median: 2, p90: 10 });
    const f = await boardFigures(database.db, scope);
    expect(f.plannedActual.travelOverrunMinutes).toEqual({ visits: 5, median: 2, p90: 10 });
    const csv = figuresCsv(f);
    expect(csv).toContain('restid faktisk minus planerad median min;2');
    expect(csv).toContain('restid faktisk minus planerad p90 min;10');
    expect(csv).toMatch(/planerad restid medel min;14,16/);
    const empty = parsePeriod({ from: '2026-11-21', to: '2026-11-21' }, D);
    const none = await boardFigures(database.db, { ...scope, period: empty });
    expect(none.plannedActual).toMatchObject({
      plannedTravelMinutes: { mean: null },
      travelOverrunMinutes: { visits: 0, median: null, p90: null },
    });
  });
});
