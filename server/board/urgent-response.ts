import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import {
  type BoardScope,
  type Grain,
  dayKey,
  num,
  numOrNull,
  teamFilter,
  inList,
} from './board-scope.ts';
import { RESPONSE_TARGET_MINUTES } from './response-targets.ts';

export interface UrgentResponse {
  municipalityCode: string;
  day: string | null;
  priority: 'urgent1' | 'urgent2';
  /** Urgent visits registered in the period. */
  registered: number;
  /** Of those, reached (started). */
  reached: number;
  /** Registration to start, minutes, of those reached; null when none. */
  medianMinutes: number | null;
  p90Minutes: number | null;
  targetMinutes: number;
  /** Reached within the target. */
  withinTarget: number;
}

/**
 * Urgent response: from the visit's registration (created) to its start as reported, by
 * priority, against RESPONSE_TARGET_MINUTES. Counted by registration time (an urgent call is
 * due from when it was made); p90 nearest rank, as the continuity figure.
 */
export async function urgentResponse(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<UrgentResponse[]> {
  const minutes = sql`extract(epoch from va.started_at - v.created_at) / 60`;
  const target = sql`case v.priority when 'urgent1' then ${RESPONSE_TARGET_MINUTES.urgent1}::float8
    else ${RESPONSE_TARGET_MINUTES.urgent2}::float8 end`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select v.municipality_code, ${dayKey(grain, sql`v.created_at`)} as day, v.priority::text,
        count(*)::int as registered,
        count(va.started_at)::int as reached,
        (percentile_cont(0.5) within group (order by ${minutes}))::float8 as median,
        (percentile_disc(0.9) within group (order by ${minutes}))::float8 as p90,
        count(*) filter (where ${minutes} <= ${target})::int as within_target
      from visits v left join visit_actuals va on va.visit_id = v.id
      where ${inList(sql`v.municipality_code`, s.municipalities)}
        and v.priority in ('urgent1', 'urgent2')
        and v.created_at >= ${s.period.start.toISOString()}::timestamptz
        and v.created_at < ${s.period.end.toISOString()}::timestamptz
        and ${teamFilter(s.teamId)}
      group by 1, 2, 3 order by 1, 2, 3`),
  );
  return rows.map((r) => {
    const priority = String(r.priority) as 'urgent1' | 'urgent2';
    return {
      municipalityCode: String(r.municipality_code),
      day: (r.day as string | null) ?? null,
      priority,
      registered: num(r.registered),
      reached: num(r.reached),
      medianMinutes: numOrNull(r.median),
      p90Minutes: numOrNull(r.p90),
      targetMinutes: RESPONSE_TARGET_MINUTES[priority],
      withinTarget: num(r.within_target),
    };
  });
}
