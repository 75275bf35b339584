import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { refreshRollups } from './refresh-rollups.ts';

export interface RollupCatchUp {
  /** Settles when every day marked at the start is computed, or on stop (never rejects). */
  done: Promise<number>;
  stop: () => Promise<void>;
}

/**
 * Computes, after `after` settles, every day the triggers had marked by then, one
 * (municipality, day) per transaction, newest first. A database that had months of visits
 * before the rollups existed has every day marked by the migration, and the first board read
 * would otherwise compute them all; one short transaction at a time lets the embedded database
 * answer requests in between. Days marked later are left to the reads, as always: today's are
 * marked again by every event and would keep this busy for nothing.
 */
export function startRollupCatchUp(
  db: Db,
  logger: Logger,
  after: Promise<unknown> = Promise.resolve(),
): RollupCatchUp {
  let stopped = false;
  const done = (async () => {
    await after;
    if (stopped) return 0;
    const started = performance.now();
    const marked = rowsOf<{ m: string; day: string }>(
      await db.execute(sql`select distinct municipality_code as m, day::text as day
        from board_dirty_days order by day desc, municipality_code`),
    );
    let days = 0;
    for (const { m, day } of marked) {
      if (stopped) break;
      days += await refreshRollups(db, [String(m)], String(day), String(day));
      // Let the requests waiting on the event loop in between.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (days > 0)
      logger.info('board rollups caught up', { days, ms: Math.round(performance.now() - started) });
    return days;
  })().catch((err: unknown) => {
    logger.error('board rollups catch-up failed', { err });
    return 0;
  });
  return {
    done,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}
