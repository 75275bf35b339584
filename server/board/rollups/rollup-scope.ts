import { type SQL, sql } from 'drizzle-orm';
import { type BoardScope, type Grain, inList } from '../board-scope.ts';
import { WHOLE } from './compute-rollups.ts';

/** Rollup rows (alias r) of the scope: its municipalities, its team (or the whole), its days. */
export function rollupsInScope(s: BoardScope, from = s.period.from): SQL {
  return sql`${inList(sql`r.municipality_code`, s.municipalities)}
    and r.team_key = ${s.teamId ?? WHOLE}::uuid
    and r.day between ${from}::date and ${s.period.to}::date`;
}

/** The rollup row's day for a trend, or null for the whole period (as board-scope's dayKey). */
export const rollupDay = (grain: Grain) => (grain === 'day' ? sql`r.day::text` : sql`null::text`);
