import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { type BoardScope, type Grain, dayKey, inList, num } from './board-scope.ts';

export interface WorkingTime {
  municipalityCode: string;
  day: string | null;
  shifts: number;
  shiftHours: number;
  /** Reported time at visits (start to finish) of the visits planned in the shifts. */
  visitHours: number;
  /** Reported travel (set off to start). */
  travelHours: number;
  /** visitHours / shiftHours. */
  utilisation: number | null;
  /** travelHours / shiftHours: the travel share of working time. */
  travelShare: number | null;
  /** Past the shift's end to the last visit finished in it, summed; and how many shifts ran over. */
  overtimeHours: number;
  shiftsOverrun: number;
}

/**
 * Working time from the shifts starting in the period and the reports of the visits planned in
 * them (each caregiver of a two-person visit is counted for the time): utilisation, travel
 * share and overtime. Travel is what was reported (en route to started), not an estimate.
 */
export async function workingTime(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<WorkingTime[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with per_shift as (
        select sh.municipality_code, ${dayKey(grain, sql`sh.starts_at`)} as day,
          extract(epoch from sh.ends_at - sh.starts_at) as shift_s,
          coalesce(sum(extract(epoch from va.finished_at - va.started_at)), 0) as visit_s,
          coalesce(sum(extract(epoch from va.started_at - va.en_route_at)), 0) as travel_s,
          greatest(0, extract(epoch from max(va.finished_at) - sh.ends_at)) as over_s
        from shifts sh
        join staff st on st.id = sh.staff_id
        left join assignments a on a.staff_id = sh.staff_id
          and a.planned_start >= sh.starts_at and a.planned_start < sh.ends_at
        left join visit_actuals va on va.visit_id = a.visit_id
        where ${inList(sql`sh.municipality_code`, s.municipalities)}
          and sh.starts_at >= ${s.period.start.toISOString()}::timestamptz
          and sh.starts_at < ${s.period.end.toISOString()}::timestamptz
          and ${s.teamId ? sql`st.team_id = ${s.teamId}::uuid` : sql`true`}
        group by sh.id, sh.municipality_code, sh.starts_at, sh.ends_at)
      select municipality_code, day, count(*)::int as shifts,
        sum(shift_s)::float8 / 3600 as shift_h, sum(visit_s)::float8 / 3600 as visit_h,
        sum(travel_s)::float8 / 3600 as travel_h, sum(coalesce(over_s, 0))::float8 / 3600 as over_h,
        count(*) filter (where over_s > 0)::int as overrun
      from per_shift group by 1, 2 order by 1, 2`),
  );
  return rows.map((r) => {
    const shiftHours = num(r.shift_h);
    return {
      municipalityCode: String(r.municipality_code),
      day: (r.day as string | null) ?? null,
      shifts: num(r.shifts),
      shiftHours,
      visitHours: num(r.visit_h),
      travelHours: num(r.travel_h),
      utilisation: shiftHours ? num(r.visit_h) / shiftHours : null,
      travelShare: shiftHours ? num(r.travel_h) / shiftHours : null,
      overtimeHours: num(r.over_h),
      shiftsOverrun: num(r.overrun),
    };
  });
}
