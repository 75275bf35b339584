import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../../db/client.ts';
import { CARE_SETTINGS, PROFESSIONS } from '../../../db/reference/professions.ts';
import { VISIT_SOURCES } from '../../../db/reference/task-types.ts';
import { DEFAULT_ESTIMATE } from '../../solver-bridge/travel.ts';
import { type BoardScope, num } from '../board-scope.ts';
import type { Economics } from '../economics.ts';
import { rollupsInScope } from './rollup-scope.ts';

type Counts<K extends string> = Record<K, number>;
const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
const month = sql`to_char(r.day, 'YYYY-MM')`;

/**
 * ../economics.ts from the day rollups, summed by month: staff hours by profession, visits
 * done by source and care setting (board_day_sums), reported travel and the estimated legs
 * (board_day_rollups). A month has a line where the plain queries would give one. The
 * estimated km is a float sum taken per day first, so it can differ from the plain figure in
 * the last bits (summation order); everything else is exact. Call refreshRollups first.
 */
export async function economicsFromRollups(db: Db, s: BoardScope): Promise<Economics[]> {
  const [keyed, totals] = await Promise.all([
    db.execute(sql`
      select r.municipality_code, ${month} as month, r.key, sum(r.value)::float8 as n
      from board_day_sums r where ${rollupsInScope(s)}
      group by 1, 2, 3`),
    db.execute(sql`
      select r.municipality_code, ${month} as month,
        sum(r.actual_rows)::int as actual_rows,
        sum(r.reported_travel_seconds)::float8 / 3600 as travel_h,
        sum(r.legs)::int as legs,
        sum(r.leg_metres) * ${DEFAULT_ESTIMATE.detourFactor}::float8 / 1000 as km
      from board_day_rollups r where ${rollupsInScope(s)}
      group by 1, 2 having sum(r.actual_rows) > 0 or sum(r.legs) > 0`),
  ]);
  const out = new Map<string, Economics>();
  const line = (r: Record<string, unknown>) => {
    const key = `${String(r.municipality_code)} ${String(r.month)}`;
    let e = out.get(key);
    if (!e)
      out.set(
        key,
        (e = {
          municipalityCode: String(r.municipality_code),
          month: String(r.month),
          staffHours: zeros(PROFESSIONS),
          travel: { reportedHours: 0, estimatedKm: 0 },
          visitsBySource: zeros(VISIT_SOURCES),
          visitsByCareSetting: zeros(CARE_SETTINGS),
        }),
      );
    return e;
  };
  for (const r of rowsOf<Record<string, unknown>>(keyed)) {
    const [kind, value] = String(r.key).split(':');
    const e = line(r);
    if (kind === 'hours') e.staffHours[value as (typeof PROFESSIONS)[number]] = num(r.n) / 3600;
    else if (kind === 'source')
      e.visitsBySource[value as (typeof VISIT_SOURCES)[number]] = num(r.n);
    else e.visitsByCareSetting[value as (typeof CARE_SETTINGS)[number]] = num(r.n);
  }
  for (const r of rowsOf<Record<string, unknown>>(totals)) {
    const e = line(r);
    if (num(r.actual_rows) > 0) e.travel.reportedHours = num(r.travel_h);
    if (num(r.legs) > 0) e.travel.estimatedKm = num(r.km);
  }
  return [...out.values()].sort((a, b) =>
    a.municipalityCode === b.municipalityCode
      ? a.month.localeCompare(b.month)
      : a.municipalityCode.localeCompare(b.municipalityCode),
  );
}
