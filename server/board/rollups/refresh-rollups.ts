import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../../db/client.ts';
import { KOLADA } from '../../domain/kolada-continuity.ts';
import { inList } from '../board-scope.ts';
import { computeRollups } from './compute-rollups.ts';

/** Longest run of days recomputed in one statement set (a backfill of months is chunked). */
const MAX_RUN_DAYS = 31;

const next = (d: string) => {
  const x = new Date(`${d}T12:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
};

/** Sorted days as runs of consecutive days, each at most MAX_RUN_DAYS long. */
export function runsOf(days: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  let count = 0;
  for (const d of [...days].sort()) {
    const last = runs.at(-1);
    if (last && next(last[1]) === d && count < MAX_RUN_DAYS) {
      last[1] = d;
      count++;
    } else {
      runs.push([d, d]);
      count = 1;
    }
  }
  return runs;
}

/**
 * Brings the rollups of these municipalities up to date for the local days `from`…`to`:
 * recomputes each (municipality, day) the triggers marked dirty, in runs of consecutive days.
 * Nothing dirty (the usual read): one indexed query. One transaction per municipality, under
 * an advisory lock so two readers do not compute the same day; the marks it sees are deleted
 * in it before the days are read, and a change not yet committed then has its own mark row
 * (the marks are append-only), which the next read finds and recomputes.
 * Returns the days recomputed.
 */
export async function refreshRollups(
  db: Db,
  municipalities: readonly string[],
  from: string,
  to: string,
): Promise<number> {
  const dirty = rowsOf<{ municipality_code: string }>(
    await db.execute(sql`select distinct municipality_code from board_dirty_days
      where ${inList(sql`municipality_code`, municipalities)}
        and day between ${from}::date and ${to}::date`),
  );
  let done = 0;
  for (const { municipality_code: m } of dirty) {
    done += await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`board_rollups:${m}`}))`);
      let days = rowsOf<{ day: string }>(
        await tx.execute(sql`delete from board_dirty_days
          where municipality_code = ${m} and day between ${from}::date and ${to}::date
          returning day::text as day`),
      ).map((r) => String(r.day));
      // A row per marking statement: the same day may come back many times.
      days = [...new Set(days)].sort();
      for (const [a, b] of runsOf(days)) {
        await computeRollups(tx as unknown as Db, m, a, b);
        // The kept continuity figures whose 14 days include a recomputed one.
        await tx.execute(sql`delete from board_continuity_days where municipality_code = ${m}
          and day between ${a}::date and ${b}::date + ${KOLADA.days - 1}::int`);
      }
      return days.length;
    });
  }
  return done;
}

/**
 * Computes every day marked dirty, whatever its date: after a bulk write (the demo history's
 * days, the benchmark's seed) so the first board read does not pay for it.
 */
export async function backfillRollups(db: Db): Promise<number> {
  const spans = rowsOf<{ m: string; lo: string; hi: string }>(
    await db.execute(sql`select municipality_code as m, min(day)::text as lo, max(day)::text as hi
      from board_dirty_days group by 1`),
  );
  let done = 0;
  for (const s of spans) done += await refreshRollups(db, [s.m], String(s.lo), String(s.hi));
  return done;
}
