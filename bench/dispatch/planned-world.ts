import { DateTime } from 'luxon';
import { type Database, openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { isDatabaseEmpty, seedDemoData } from '../../db/seed/seed.ts';
import { planDemoDay } from '../../server/planning/demo-day.ts';
import type { PlanDaySummary } from '../../server/planning/plan-day.ts';
import { ZONE } from '../../server/domain/stockholm-time.ts';

/** The service day the dispatch benchmarks live in. */
export const BENCH_DAY = '2026-11-24';

export interface PlannedWorldOptions {
  scale: number;
  municipality: string;
  seed: number;
  planMs: number;
  /** Stockholm time of day, HH:MM: the plan counts what is before it as worked. */
  at: string;
  /** Keep the seeded, planned database here and reuse it on the next run. */
  dataDir: string | null;
}

export interface PlannedWorld {
  database: Database;
  now: Date;
  /** Null when the data directory held a planned world already. */
  plan: PlanDaySummary | null;
  planMs: number;
}

/** `at` (HH:MM, Stockholm) on the bench day, as an instant. */
export function benchInstant(at: string): Date {
  if (!/^\d\d:\d\d$/.test(at)) throw new Error(`--at ${at}: expected HH:MM`);
  return DateTime.fromISO(`${BENCH_DAY}T${at}`, { zone: ZONE }).toJSDate();
}

/**
 * Opens PGlite (in memory, or in `dataDir`), and when it is empty seeds the demo data for one
 * municipality and plans the day with the solver, as a scheduler would have the night before.
 */
export async function openPlannedWorld(o: PlannedWorldOptions): Promise<PlannedWorld> {
  const now = benchInstant(o.at);
  const database = await openDatabase({ kind: 'pglite', dataDir: o.dataDir });
  await migrateDatabase(database);
  const municipalities = [o.municipality];
  let plan: PlanDaySummary | null = null;
  let planMs = 0;
  if (o.dataDir === null || (await isDatabaseEmpty(database.db))) {
    await seedDemoData(database.db, {
      seed: o.seed,
      scale: o.scale,
      today: BENCH_DAY,
      municipalities,
    });
    const t = performance.now();
    [plan] = await planDemoDay(database.db, {
      municipalities,
      today: BENCH_DAY,
      now,
      timeLimitMs: o.planMs,
      seed: o.seed,
    });
    planMs = performance.now() - t;
  }
  return { database, now, plan, planMs };
}
