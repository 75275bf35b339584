import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import {
  type BoardScope,
  type Grain,
  dayKey,
  num,
  numOrNull,
  visitsInScope,
} from './board-scope.ts';

export interface PlannedActual {
  municipalityCode: string;
  day: string | null;
  /** Visits with a reported start and finish. */
  visits: number;
  plannedMinutes: { mean: number | null };
  actualMinutes: { mean: number | null; median: number | null };
  /** Actual minus planned duration, per visit. */
  overrunMinutes: { median: number | null; p90: number | null };
  /** Reported travel to the visit (en route to started), of those with both. */
  travelMinutes: { mean: number | null; median: number | null };
  /** Planned travel to the visit of the caregiver who reported it (a plan's leg). */
  plannedTravelMinutes: { mean: number | null };
  /** Reported minus planned travel, per visit with both: `visits` of them. */
  travelOverrunMinutes: { visits: number; median: number | null; p90: number | null };
}

/**
 * Planned against actual: visit durations (durationMinutes against the reported start to
 * finish) and travel (the reported en route to start against the leg planned for the
 * caregiver who reported it, assignments.planned_travel_seconds; null where no plan priced
 * it, so such visits drop out of the planned mean and the difference).
 */
export async function plannedActual(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<PlannedActual[]> {
  const actual = sql`extract(epoch from va.finished_at - va.started_at) / 60`;
  const travel = sql`extract(epoch from va.started_at - va.en_route_at) / 60`;
  const planned = sql`pa.planned_travel_seconds / 60.0`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select v.municipality_code, ${dayKey(grain, sql`v.window_start`)} as day,
        count(*)::int as visits,
        avg(v.duration_minutes)::float8 as planned_mean,
        avg(${actual})::float8 as actual_mean,
        (percentile_cont(0.5) within group (order by ${actual}))::float8 as actual_median,
        (percentile_cont(0.5) within group (order by ${actual} - v.duration_minutes))::float8 as over_median,
        (percentile_disc(0.9) within group (order by ${actual} - v.duration_minutes))::float8 as over_p90,
        avg(${travel})::float8 as travel_mean,
        (percentile_cont(0.5) within group (order by ${travel}))::float8 as travel_median,
        -- Summed in whole seconds, then divided: the day rollups sum the same integers.
        (sum(pa.planned_travel_seconds)::numeric / 60
          / nullif(count(pa.planned_travel_seconds), 0))::float8 as planned_travel_mean,
        count(${travel} - ${planned})::int as travel_compared,
        (percentile_cont(0.5) within group (order by ${travel} - ${planned}))::float8 as travel_over_median,
        (percentile_disc(0.9) within group (order by ${travel} - ${planned}))::float8 as travel_over_p90
      from visits v join visit_actuals va on va.visit_id = v.id
        left join assignments pa on pa.visit_id = v.id and pa.staff_id = va.staff_id
      where ${visitsInScope(s)} and va.started_at is not null and va.finished_at is not null
      group by 1, 2 order by 1, 2`),
  );
  return rows.map((r) => ({
    municipalityCode: String(r.municipality_code),
    day: (r.day as string | null) ?? null,
    visits: num(r.visits),
    plannedMinutes: { mean: numOrNull(r.planned_mean) },
    actualMinutes: { mean: numOrNull(r.actual_mean), median: numOrNull(r.actual_median) },
    overrunMinutes: { median: numOrNull(r.over_median), p90: numOrNull(r.over_p90) },
    travelMinutes: { mean: numOrNull(r.travel_mean), median: numOrNull(r.travel_median) },
    plannedTravelMinutes: { mean: numOrNull(r.planned_travel_mean) },
    travelOverrunMinutes: {
      visits: num(r.travel_compared),
      median: numOrNull(r.travel_over_median),
      p90: numOrNull(r.travel_over_p90),
    },
  }));
}
