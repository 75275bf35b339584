import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../../db/client.ts';
import { type BoardScope, type Grain, num, numOrNull } from '../board-scope.ts';
import type { ContactShare } from '../contact-share.ts';
import type { PlannedActual } from '../planned-actual.ts';
import type { Punctuality } from '../punctuality.ts';
import { RESPONSE_TARGET_MINUTES } from '../response-targets.ts';
import type { UrgentResponse } from '../urgent-response.ts';
import type { VisitOutcomes } from '../visit-outcomes.ts';
import type { WorkingTime } from '../working-time.ts';
import { minutePercentiles, percentileKey } from './read-percentiles.ts';
import { rollupDay, rollupsInScope } from './rollup-scope.ts';

/*
 * The visit and shift figures read from board_day_rollups: the same result types, row for
 * row, as the plain SQL of ../contact-share.ts and its siblings (a row only where the plain
 * query would have one, hence each `having`). Call refreshRollups first.
 */

type Row = Record<string, unknown>;

async function sums(db: Db, s: BoardScope, grain: Grain, cols: string, having: string) {
  return rowsOf<Row>(
    await db.execute(sql`
      select r.municipality_code, ${rollupDay(grain)} as day, ${sql.raw(cols)}
      from board_day_rollups r where ${rollupsInScope(s)}
      group by 1, 2 having ${sql.raw(having)} order by 1, 2`),
  );
}

const base = (r: Row) => ({
  municipalityCode: String(r.municipality_code),
  day: (r.day as string | null) ?? null,
});

export async function contactShareFromRollups(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<ContactShare[]> {
  const rows = await sums(
    db,
    s,
    grain,
    'sum(r.contact_visits)::int as visits, sum(r.contact_by)::int as by_contact',
    'sum(r.contact_visits) > 0',
  );
  return rows.map((r) => ({
    ...base(r),
    visits: num(r.visits),
    byContact: num(r.by_contact),
    share: num(r.visits) ? num(r.by_contact) / num(r.visits) : null,
  }));
}

export async function punctualityFromRollups(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<Punctuality[]> {
  const rows = await sums(
    db,
    s,
    grain,
    `sum(r.started)::int as started, sum(r.early)::int as early, sum(r.on_time)::int as on_time,
     sum(r.late15)::int as l15, sum(r.late30)::int as l30, sum(r.late60)::int as l60,
     sum(r.late_over)::int as l_over`,
    'sum(r.started) > 0',
  );
  return rows.map((r) => ({
    ...base(r),
    started: num(r.started),
    withinWindow: num(r.on_time),
    share: num(r.started) ? num(r.on_time) / num(r.started) : null,
    buckets: {
      early: num(r.early),
      onTime: num(r.on_time),
      late1to15: num(r.l15),
      late16to30: num(r.l30),
      late31to60: num(r.l60),
      lateOver60: num(r.l_over),
    },
  }));
}

export async function visitOutcomesFromRollups(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<VisitOutcomes[]> {
  const rows = await sums(
    db,
    s,
    grain,
    `sum(r.visits)::int as visits, sum(r.done)::int as done, sum(r.unplaced)::int as unplaced,
     sum(r.no_access)::int as no_access, sum(r.cancelled)::int as cancelled,
     sum(r.two_done)::int as two_done, sum(r.two_together)::int as two_together,
     sum(r.patient_days_done)::int as patient_days`,
    'sum(r.visits) > 0',
  );
  return rows.map((r) => ({
    ...base(r),
    visits: num(r.visits),
    done: num(r.done),
    unplaced: num(r.unplaced),
    noAccess: num(r.no_access),
    cancelled: num(r.cancelled),
    twoPerson: { done: num(r.two_done), together: num(r.two_together) },
    arrivalsPerPatientDay: num(r.patient_days) ? num(r.done) / num(r.patient_days) : null,
  }));
}

export async function workingTimeFromRollups(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<WorkingTime[]> {
  const rows = await sums(
    db,
    s,
    grain,
    `sum(r.shifts)::int as shifts, sum(r.shift_seconds)::float8 / 3600 as shift_h,
     sum(r.visit_seconds)::float8 / 3600 as visit_h, sum(r.travel_seconds)::float8 / 3600 as travel_h,
     sum(r.overtime_seconds)::float8 / 3600 as over_h, sum(r.shifts_overrun)::int as overrun`,
    'sum(r.shifts) > 0',
  );
  return rows.map((r) => {
    const shiftHours = num(r.shift_h);
    return {
      ...base(r),
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

/** Means as avg() computes them (numeric sum / count), medians and p90 from the histograms. */
export async function plannedActualFromRollups(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<PlannedActual[]> {
  const [rows, pct] = await Promise.all([
    sums(
      db,
      s,
      grain,
      `sum(r.pa_visits)::int as visits,
       (sum(r.pa_planned_minutes)::numeric / nullif(sum(r.pa_visits), 0)::numeric)::float8 as planned_mean,
       (sum(r.pa_actual_minutes) / nullif(sum(r.pa_visits), 0)::numeric)::float8 as actual_mean,
       (sum(r.pa_travel_minutes) / nullif(sum(r.pa_travel_visits), 0)::numeric)::float8 as travel_mean,
       (sum(r.pa_planned_travel_seconds) / 60 / nullif(sum(r.pa_planned_travel_visits), 0)::numeric)::float8 as planned_travel_mean`,
      'sum(r.pa_visits) > 0',
    ),
    minutePercentiles(db, s, grain, ['actual', 'overrun', 'travel', 'travel_over']),
  ]);
  return rows.map((r) => {
    const b = base(r);
    const p = (metric: string) => pct.get(percentileKey(b.municipalityCode, b.day, metric));
    return {
      ...b,
      visits: num(r.visits),
      plannedMinutes: { mean: numOrNull(r.planned_mean) },
      actualMinutes: { mean: numOrNull(r.actual_mean), median: p('actual')?.median ?? null },
      overrunMinutes: { median: p('overrun')?.median ?? null, p90: p('overrun')?.p90 ?? null },
      travelMinutes: { mean: numOrNull(r.travel_mean), median: p('travel')?.median ?? null },
      plannedTravelMinutes: { mean: numOrNull(r.planned_travel_mean) },
      travelOverrunMinutes: {
        visits: p('travel_over')?.count ?? 0,
        median: p('travel_over')?.median ?? null,
        p90: p('travel_over')?.p90 ?? null,
      },
    };
  });
}

export async function urgentResponseFromRollups(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<UrgentResponse[]> {
  const [rows, pct] = await Promise.all([
    db
      .execute(
        sql`
        select * from (
          select r.municipality_code, ${rollupDay(grain)} as day, 'urgent1' as priority,
            sum(r.urgent1_registered)::int as registered, sum(r.urgent1_reached)::int as reached,
            sum(r.urgent1_within_target)::int as within_target
          from board_day_rollups r where ${rollupsInScope(s)}
          group by 1, 2 having sum(r.urgent1_registered) > 0
          union all
          select r.municipality_code, ${rollupDay(grain)} as day, 'urgent2' as priority,
            sum(r.urgent2_registered)::int, sum(r.urgent2_reached)::int,
            sum(r.urgent2_within_target)::int
          from board_day_rollups r where ${rollupsInScope(s)}
          group by 1, 2 having sum(r.urgent2_registered) > 0) u
        order by 1, 2, 3`,
      )
      .then((r) => rowsOf<Row>(r)),
    minutePercentiles(db, s, grain, ['urgent1', 'urgent2']),
  ]);
  return rows.map((r) => {
    const priority = String(r.priority) as 'urgent1' | 'urgent2';
    const b = base(r);
    const p = pct.get(percentileKey(b.municipalityCode, b.day, priority));
    return {
      ...b,
      priority,
      registered: num(r.registered),
      reached: num(r.reached),
      medianMinutes: p?.median ?? null,
      p90Minutes: p?.p90 ?? null,
      targetMinutes: RESPONSE_TARGET_MINUTES[priority],
      withinTarget: num(r.within_target),
    };
  });
}
