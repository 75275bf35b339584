import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import type { BoardScope } from './board-scope.ts';
import { type FigureQueries, ROLLUPS } from './figure-queries.ts';

/** One day of the trend charts (and their tables). Shares are null on a day without data. */
export interface TrendDay {
  day: string;
  visits: number;
  done: number;
  unplaced: number;
  noAccess: number;
  cancelled: number;
  arrivalsPerPatientDay: number | null;
  punctualityShare: number | null;
  contactShare: number | null;
  urgent1MedianMinutes: number | null;
  urgent2MedianMinutes: number | null;
  utilisation: number | null;
  travelShare: number | null;
  overtimeHours: number;
  /** Kolada continuity over the 14 days ending this day: its patients, and their median. */
  continuityPatients: number;
  continuityKoladaMedian: number | null;
}

/** Every local day of the period, with the day's figures (the same queries, grouped by day). */
export async function trends(
  db: Db,
  s: BoardScope,
  q: FigureQueries = ROLLUPS,
): Promise<TrendDay[]> {
  await q.prepare(db, s);
  const [outcomes, punct, contact, urgent, work, continuity] = await Promise.all([
    q.visitOutcomes(db, s, 'day'),
    q.punctuality(db, s, 'day'),
    q.contactShare(db, s, 'day'),
    q.urgentResponse(db, s, 'day'),
    q.workingTime(db, s, 'day'),
    q.continuityTrend(db, s),
  ]);
  const cont = new Map(continuity.map((r) => [r.day, r]));
  const byDay = <T extends { day: string | null }>(rows: T[]) =>
    new Map(rows.map((r) => [r.day!, r]));
  const o = byDay(outcomes);
  const p = byDay(punct);
  const c = byDay(contact);
  const wt = byDay(work);
  const first = DateTime.fromISO(s.period.from);
  return Array.from({ length: s.period.days }, (_, i) => {
    const day = first.plus({ days: i }).toISODate()!;
    const u = (priority: string) =>
      urgent.find((r) => r.day === day && r.priority === priority)?.medianMinutes ?? null;
    return {
      day,
      visits: o.get(day)?.visits ?? 0,
      done: o.get(day)?.done ?? 0,
      unplaced: o.get(day)?.unplaced ?? 0,
      noAccess: o.get(day)?.noAccess ?? 0,
      cancelled: o.get(day)?.cancelled ?? 0,
      arrivalsPerPatientDay: o.get(day)?.arrivalsPerPatientDay ?? null,
      punctualityShare: p.get(day)?.share ?? null,
      contactShare: c.get(day)?.share ?? null,
      urgent1MedianMinutes: u('urgent1'),
      urgent2MedianMinutes: u('urgent2'),
      utilisation: wt.get(day)?.utilisation ?? null,
      travelShare: wt.get(day)?.travelShare ?? null,
      overtimeHours: wt.get(day)?.overtimeHours ?? 0,
      continuityPatients: cont.get(day)?.patients ?? 0,
      continuityKoladaMedian: cont.get(day)?.koladaMedian ?? null,
    };
  });
}
