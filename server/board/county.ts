import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { municipalities } from '../../db/schema/index.ts';
import type { Principal } from '../auth/principal.ts';
import type { Period } from './period.ts';
import { type FigureQueries, ROLLUPS } from './figure-queries.ts';

/** One municipality's line of the county comparison (the table beside the map). */
export interface CountyRow {
  municipalityCode: string;
  name: string;
  continuityPatients: number;
  continuityKoladaMedian: number;
  continuityAllHoursMedian: number;
  contactShare: number | null;
  punctualityShare: number | null;
  urgent1MedianMinutes: number | null;
  visits: number;
  done: number;
  unplaced: number;
  noAccess: number;
  cancelled: number;
  travelShare: number | null;
  utilisation: number | null;
}

/**
 * The municipalities of the user's scope (all 26 for the admin) side by side: each figure one
 * query grouped by municipality, not one request per municipality.
 */
export async function countyComparison(
  db: Db,
  p: Principal,
  period: Period,
  q: FigureQueries = ROLLUPS,
): Promise<CountyRow[]> {
  const all = await db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.code));
  const mine = p.role === 'admin' ? all : all.filter((m) => p.municipalities.includes(m.code));
  const s = { municipalities: mine.map((m) => m.code), teamId: null, period };
  await q.prepare(db, s);
  const [cont, contact, punct, urgent, outcomes, work] = await Promise.all([
    q.continuitySummary(db, s),
    q.contactShare(db, s),
    q.punctuality(db, s),
    q.urgentResponse(db, s),
    q.visitOutcomes(db, s),
    q.workingTime(db, s),
  ]);
  const of = <T extends { municipalityCode: string }>(rows: T[], code: string) =>
    rows.find((r) => r.municipalityCode === code);
  return mine.map(({ code, name }) => {
    const c = cont.find((r) => r.municipalityCode === code && r.teamId === null);
    const o = of(outcomes, code);
    const w = of(work, code);
    return {
      municipalityCode: code,
      name,
      continuityPatients: c?.patients ?? 0,
      continuityKoladaMedian: c?.kolada.median ?? 0,
      continuityAllHoursMedian: c?.allHours.median ?? 0,
      contactShare: of(contact, code)?.share ?? null,
      punctualityShare: of(punct, code)?.share ?? null,
      urgent1MedianMinutes:
        urgent.find((r) => r.municipalityCode === code && r.priority === 'urgent1')
          ?.medianMinutes ?? null,
      visits: o?.visits ?? 0,
      done: o?.done ?? 0,
      unplaced: o?.unplaced ?? 0,
      noAccess: o?.noAccess ?? 0,
      cancelled: o?.cancelled ?? 0,
      travelShare: w?.travelShare ?? null,
      utilisation: w?.utilisation ?? null,
    };
  });
}
