import { type SQL, sql } from 'drizzle-orm';
import type { Period } from './period.ts';

/** What a figure is computed over: municipalities (one, or the county's in scope), a team, a period. */
export interface BoardScope {
  municipalities: readonly string[];
  /** Only visits made by this team's staff (unplaced visits have no team and drop out). */
  teamId: string | null;
  period: Period;
}

/** Group by the whole period, or by local day (a trend). */
export type Grain = 'period' | 'day';

/** Stockholm's local time of a timestamp column, as SQL. */
export const local = (col: SQL) => sql`(${col} at time zone 'Europe/Stockholm')`;

/** `col in (…)` over a non-empty list (an empty one matches nothing). */
export function inList(col: SQL, values: readonly string[]): SQL {
  if (values.length === 0) return sql`false`;
  return sql`${col} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** The local day of a visit (its window start) for a trend, or null for the whole period. */
export const dayKey = (grain: Grain, col: SQL) =>
  grain === 'day' ? sql`${local(col)}::date::text` : sql`null::text`;

/** Visits of the scope by window start (alias v): municipality, period and team. */
export function visitsInScope(s: BoardScope): SQL {
  return sql`${inList(sql`v.municipality_code`, s.municipalities)}
    and v.window_start >= ${s.period.start.toISOString()}::timestamptz
    and v.window_start < ${s.period.end.toISOString()}::timestamptz
    and ${teamFilter(s.teamId)}`;
}

/** A visit (alias v) with at least one caregiver of the team, or every visit without a team. */
export function teamFilter(teamId: string | null): SQL {
  if (!teamId) return sql`true`;
  return sql`exists (select 1 from assignments ta join staff ts on ts.id = ta.staff_id
    where ta.visit_id = v.id and ts.team_id = ${teamId}::uuid)`;
}

/** Numbers from either driver (postgres.js sends numeric and bigint as strings). */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);
