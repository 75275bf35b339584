import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../../db/client.ts';
import { type BoardScope, type Grain, num } from '../board-scope.ts';
import { rollupDay, rollupsInScope } from './rollup-scope.ts';

export interface Percentiles {
  count: number;
  /** As SQL's percentile_cont(0.5). */
  median: number;
  /** As SQL's percentile_disc(0.9) (nearest rank). */
  p90: number;
}

/** `${municipality} ${day or ''} ${metric}` */
export const percentileKey = (m: string, day: string | null, metric: string) =>
  `${m} ${day ?? ''} ${metric}`;

interface Bucket {
  minute: number;
  count: number;
}

/**
 * Exact medians and p90 from the whole-minute histograms (board_minute_values): sum the
 * counts per minute over the days, find the minutes holding the ranks percentile_cont(0.5)
 * and percentile_disc(0.9) read (PostgreSQL's own rank arithmetic), then fetch only those
 * minutes' values, sort them and read the ranks, interpolating as float8_lerp does. Two
 * small queries instead of sorting every value of the period.
 */
export async function minutePercentiles(
  db: Db,
  s: BoardScope,
  grain: Grain,
  metrics: readonly string[],
): Promise<Map<string, Percentiles>> {
  const metricList = sql.join(
    metrics.map((m) => sql`${m}`),
    sql`, `,
  );
  const hist = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select r.municipality_code as m, ${rollupDay(grain)} as day, r.metric, r.minute,
        sum(r.count)::int as n
      from board_minute_values r
      where ${rollupsInScope(s)} and r.metric in (${metricList})
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
  );
  const groups = new Map<string, { m: string; day: string | null; metric: string; b: Bucket[] }>();
  for (const r of hist) {
    const day = (r.day as string | null) ?? null;
    const key = percentileKey(String(r.m), day, String(r.metric));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { m: String(r.m), day, metric: String(r.metric), b: [] }));
    g.b.push({ minute: num(r.minute), count: num(r.n) });
  }
  // The ranks (0-based) each group needs, and the minute that holds each.
  const wanted = new Map<string, { minute: number; index: number }[]>();
  const needed: { m: string; day: string | null; metric: string; minute: number }[] = [];
  for (const [key, g] of groups) {
    const n = g.b.reduce((t, b) => t + b.count, 0);
    const h = 0.5 * (n - 1);
    const ranks = [Math.floor(h), Math.ceil(h), Math.max(Math.ceil(0.9 * n) - 1, 0)];
    const located = ranks.map((rank) => {
      let before = 0;
      for (const b of g.b) {
        if (rank < before + b.count) return { minute: b.minute, index: rank - before };
        before += b.count;
      }
      throw new Error(`rank ${rank} beyond ${n} values`);
    });
    wanted.set(key, located);
    for (const l of located)
      if (
        !needed.some(
          (x) => x.m === g.m && x.day === g.day && x.metric === g.metric && x.minute === l.minute,
        )
      )
        needed.push({ m: g.m, day: g.day, metric: g.metric, minute: l.minute });
  }
  const out = new Map<string, Percentiles>();
  if (needed.length === 0) return out;
  // The wanted minutes as parallel arrays joined with unnest (a long row-constructor IN list
  // came back short on PGlite at 92 days).
  const arr = (xs: (string | number)[]) => `{${xs.join(',')}}`;
  const wantedMinutes =
    grain === 'day'
      ? sql`join unnest(${arr(needed.map((x) => x.m))}::text[], ${arr(needed.map((x) => x.day!))}::date[],
        ${arr(needed.map((x) => x.metric))}::text[], ${arr(needed.map((x) => x.minute))}::int[])
        as w(m, day, metric, minute)
        on r.municipality_code = w.m and r.day = w.day and r.metric = w.metric and r.minute = w.minute`
      : sql`join unnest(${arr(needed.map((x) => x.m))}::text[],
        ${arr(needed.map((x) => x.metric))}::text[], ${arr(needed.map((x) => x.minute))}::int[])
        as w(m, metric, minute)
        on r.municipality_code = w.m and r.metric = w.metric and r.minute = w.minute`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select r.municipality_code as m, ${rollupDay(grain)} as day, r.metric, r.minute, r.values
      from board_minute_values r ${wantedMinutes}
      where ${rollupsInScope(s)}`),
  );
  const values = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${percentileKey(String(r.m), (r.day as string | null) ?? null, String(r.metric))} ${num(r.minute)}`;
    const list = values.get(key) ?? [];
    for (const v of r.values as unknown[]) list.push(Number(v));
    values.set(key, list);
  }
  for (const list of values.values()) list.sort((a, b) => a - b);
  for (const [key, g] of groups) {
    const [lo, hi, p90] = wanted.get(key)!.map((l) => values.get(`${key} ${l.minute}`)![l.index]);
    const n = g.b.reduce((t, b) => t + b.count, 0);
    const h = 0.5 * (n - 1);
    // float8_lerp: lo + (hi - lo) * fraction, only when the two ranks differ.
    const median = Math.ceil(h) > Math.floor(h) ? lo + (hi - lo) * (h - Math.floor(h)) : lo;
    out.set(key, { count: n, median, p90 });
  }
  return out;
}
