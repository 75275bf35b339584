import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { CARE_SETTINGS, PROFESSIONS } from '../../db/reference/professions.ts';
import { VISIT_SOURCES } from '../../db/reference/task-types.ts';
import { DEFAULT_ESTIMATE } from '../solver-bridge/travel.ts';
import { type BoardScope, inList, local, num, teamFilter } from './board-scope.ts';

type Counts<K extends string> = Record<K, number>;

export interface Economics {
  municipalityCode: string;
  /** Local calendar month, YYYY-MM (only the part inside the period). */
  month: string;
  /** Shift hours by the staff's profession. */
  staffHours: Counts<(typeof PROFESSIONS)[number]>;
  travel: {
    /** Reported travel (set off to start), hours. */
    reportedHours: number;
    /**
     * Road distance estimated as server/travel's default estimate does (great circle × the
     * detour factor) between each caregiver's consecutive visits of a day, base legs left out.
     */
    estimatedKm: number;
  };
  /** Visits done, by how they came about (plan = planned; urgent_call = unplanned). */
  visitsBySource: Counts<(typeof VISIT_SOURCES)[number]>;
  /** Visits done, by the patient's care setting (ordinary home, HVB home, asylum housing). */
  visitsByCareSetting: Counts<(typeof CARE_SETTINGS)[number]>;
}

const month = (col: SQL) => sql`to_char(${local(col)}, 'YYYY-MM')`;
const EARTH_RADIUS_M = 6_371_008.8;

/** Haversine in SQL, the formula of server/solver-bridge/travel.ts. */
export const haversine = (lat1: SQL, lon1: SQL, lat2: SQL, lon2: SQL) =>
  sql`2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin(radians(${lat2} - ${lat1}) / 2), 2) +
    cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2))))`;

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

/**
 * The figures the municipalities and the region negotiate the cost of home health care on,
 * per municipality and month: staff hours by profession, travel, and visits done by kind and
 * by care setting. Four grouped scans; the months are those of the period.
 */
export async function economics(db: Db, s: BoardScope): Promise<Economics[]> {
  const since = sql`${s.period.start.toISOString()}::timestamptz`;
  const until = sql`${s.period.end.toISOString()}::timestamptz`;
  const muns = (col: SQL) => inList(col, s.municipalities);
  const team = s.teamId ? sql`st.team_id = ${s.teamId}::uuid` : sql`true`;
  const [hours, visitsBy, travel, distance] = await Promise.all([
    db.execute(sql`
      select sh.municipality_code, ${month(sql`sh.starts_at`)} as month, st.profession::text as k,
        sum(extract(epoch from sh.ends_at - sh.starts_at))::float8 / 3600 as n
      from shifts sh join staff st on st.id = sh.staff_id
      where ${muns(sql`sh.municipality_code`)} and sh.starts_at >= ${since}
        and sh.starts_at < ${until} and ${team}
      group by 1, 2, 3`),
    db.execute(sql`
      select v.municipality_code, ${month(sql`v.window_start`)} as month,
        'source:' || v.source::text as k, count(*)::int as n
      from visits v
      where ${muns(sql`v.municipality_code`)} and v.window_start >= ${since}
        and v.window_start < ${until} and v.status = 'done' and ${teamFilter(s.teamId)}
      group by 1, 2, 3
      union all
      select v.municipality_code, ${month(sql`v.window_start`)} as month,
        'setting:' || p.care_setting::text as k, count(*)::int as n
      from visits v join patients p on p.id = v.patient_id
      where ${muns(sql`v.municipality_code`)} and v.window_start >= ${since}
        and v.window_start < ${until} and v.status = 'done' and ${teamFilter(s.teamId)}
      group by 1, 2, 3`),
    db.execute(sql`
      select v.municipality_code, ${month(sql`v.window_start`)} as month,
        coalesce(sum(extract(epoch from va.started_at - va.en_route_at)), 0)::float8 / 3600 as n
      from visits v join visit_actuals va on va.visit_id = v.id
      where ${muns(sql`v.municipality_code`)} and v.window_start >= ${since}
        and v.window_start < ${until} and ${teamFilter(s.teamId)}
      group by 1, 2`),
    db.execute(sql`
      with legs as (
        select v.municipality_code, ${month(sql`a.planned_start`)} as month, p.lat, p.lon,
          lag(p.lat) over w as plat, lag(p.lon) over w as plon
        from assignments a
        join visits v on v.id = a.visit_id
        join patients p on p.id = v.patient_id
        join staff st on st.id = a.staff_id
        where ${muns(sql`v.municipality_code`)} and a.planned_start >= ${since}
          and a.planned_start < ${until} and v.status = 'done' and ${team}
        window w as (partition by a.staff_id, ${local(sql`a.planned_start`)}::date
          order by a.planned_start, a.route_order))
      select municipality_code, month,
        coalesce(sum(${haversine(sql`plat`, sql`plon`, sql`lat`, sql`lon`)}), 0)::float8
          * ${DEFAULT_ESTIMATE.detourFactor}::float8 / 1000 as n
      from legs where plat is not null group by 1, 2`),
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
  for (const r of rowsOf<Record<string, unknown>>(hours))
    line(r).staffHours[String(r.k) as (typeof PROFESSIONS)[number]] = num(r.n);
  for (const r of rowsOf<Record<string, unknown>>(visitsBy)) {
    const [kind, value] = String(r.k).split(':');
    const e = line(r);
    if (kind === 'source') e.visitsBySource[value as (typeof VISIT_SOURCES)[number]] = num(r.n);
    else e.visitsByCareSetting[value as (typeof CARE_SETTINGS)[number]] = num(r.n);
  }
  for (const r of rowsOf<Record<string, unknown>>(travel)) line(r).travel.reportedHours = num(r.n);
  for (const r of rowsOf<Record<string, unknown>>(distance)) line(r).travel.estimatedKm = num(r.n);
  return [...out.values()].sort((a, b) =>
    a.municipalityCode === b.municipalityCode
      ? a.month.localeCompare(b.month)
      : a.municipalityCode.localeCompare(b.municipalityCode),
  );
}
