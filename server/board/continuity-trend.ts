import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { KOLADA } from '../domain/kolada-continuity.ts';
import { type BoardScope, inList, local, num } from './board-scope.ts';
import { continuityWindow } from './continuity.ts';

/** The Kolada continuity figure for the 14 days ending on one day of the period. */
export interface ContinuityDay {
  day: string;
  /** Patients who count in that window; 0 gives no median. */
  patients: number;
  koladaMedian: number | null;
}

const inHours = (col: ReturnType<typeof sql>) =>
  sql`${local(col)}::time >= make_time(${KOLADA.fromHour}, 0, 0)
    and ${local(col)}::time < make_time(${KOLADA.toHour}, 0, 0)`;

/**
 * Per day of the period, the figure of continuity.ts (the same rules: who counts by visits
 * due 07–22, who was met by the start of visits done or under way, 07–22) over the 14 days
 * ending that day, in one query over the period and the 13 days before it. Cheap because a
 * window is never rebuilt: a patient counts on day d when their due days include d and the
 * day 13 rows before is d − 13 (the days are distinct, so all 14 are there); a caregiver met
 * on day m counts for the windows ending m … m + 13, so each patient's caregiver is merged into
 * a few intervals of end days (gaps and islands), and a window's count is the intervals open
 * on its day, one running sum along the patient's days (no range join). A patient's team (for a team's board): their contact caregiver's, else the
 * team that met them most over the whole range.
 */
export async function continuityTrend(db: Db, s: BoardScope): Promise<ContinuityDay[]> {
  const from = continuityWindow(s.period.from);
  const span = sql`v.window_start >= ${from.start.toISOString()}::timestamptz
    and v.window_start < ${s.period.end.toISOString()}::timestamptz`;
  // Constants of the definition, inlined (a bound parameter has no type for date arithmetic).
  const last = sql.raw(String(KOLADA.days - 1));
  const span14 = sql.raw(String(KOLADA.days));
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with
      due as materialized (
        select v.patient_id, ${local(sql`v.window_start`)}::date as d
        from visits v
        where ${inList(sql`v.municipality_code`, s.municipalities)} and ${span}
          and ${inHours(sql`v.window_start`)}
        group by 1, 2 having count(*) >= ${KOLADA.minVisitsPerDay}),
      eligible as materialized (
        select patient_id, d from (
          select patient_id, d, lag(d, ${last}) over (partition by patient_id order by d) as back
          from due) x
        where back = d - ${last} and d >= ${s.period.from}::date),
      met as materialized (
        select v.patient_id, a.staff_id, st.team_id,
          ${local(sql`v.window_start`)}::date as m,
          ${inHours(sql`coalesce(va.started_at, a.planned_start)`)} as daytime
        from visits v
        join assignments a on a.visit_id = v.id
        join staff st on st.id = a.staff_id
        left join visit_actuals va on va.visit_id = v.id
        where ${inList(sql`v.municipality_code`, s.municipalities)} and ${span}
          and v.status in ('done', 'in_progress')
          and v.patient_id in (select patient_id from eligible)),
      met_days as (
        select distinct patient_id, staff_id, m from met where daytime),
      marked as (
        select patient_id, staff_id, m,
          case when m - lag(m) over w > ${span14} then 1 else 0 end as gap
        from met_days window w as (partition by patient_id, staff_id order by m)),
      islands as (
        select patient_id, staff_id, min(m) as lo, max(m) + ${last} as hi from (
          select *, sum(gap) over (partition by patient_id, staff_id order by m) as island
          from marked) y
        group by patient_id, staff_id, island),
      met_team as (
        select patient_id, mode() within group (order by team_id) as team_id
        from met group by patient_id),
      team_of as (
        select p.id as patient_id, coalesce(cs.team_id, mt.team_id) as team_id
        from patients p
        left join staff cs on cs.id = p.contact_staff_id
        left join met_team mt on mt.patient_id = p.id
        where p.id in (select patient_id from eligible)),
      -- A sweep instead of a range join: +1 where a caregiver's interval opens, −1 after it
      -- closes, summed along each patient's days; read on the days the patient counts.
      steps as (
        select patient_id, d, sum(delta)::int as delta, bool_or(counts) as counts from (
          select patient_id, lo as d, 1 as delta, false as counts from islands
          union all select patient_id, hi + 1, -1, false from islands
          union all select patient_id, d, 0, true from eligible) u
        group by patient_id, d),
      per_window as (
        select c.d, c.n from (
          select patient_id, d, counts,
            sum(delta) over (partition by patient_id order by d) as n
          from steps) c
        join team_of t on t.patient_id = c.patient_id
        where c.counts and ${s.teamId ? sql`t.team_id = ${s.teamId}::uuid` : sql`true`})
      select d::text as day, count(*)::int as patients,
        percentile_cont(0.5) within group (order by n)::float8 as median
      from per_window group by d`),
  );
  const byDay = new Map(rows.map((r) => [String(r.day), r]));
  const out: ContinuityDay[] = [];
  for (let d = s.period.from; d <= s.period.to; d = nextDay(d)) {
    const r = byDay.get(d);
    out.push({
      day: d,
      patients: r ? num(r.patients) : 0,
      koladaMedian: r ? num(r.median) : null,
    });
  }
  return out;
}

const nextDay = (d: string) => {
  const x = new Date(`${d}T12:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
};
