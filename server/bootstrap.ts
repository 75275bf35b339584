import { join } from 'node:path';
import { type Database, type DatabaseTarget, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import {
  DEFAULT_SCALE,
  isDatabaseEmpty,
  seedDemoData,
  seedMunicipalities,
} from '../db/seed/seed.ts';
import { type DemoUser, seedDemoUsers } from './demo/demo-users.ts';
import { MUNICIPALITY_CODES } from '../db/reference/municipalities.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { planDemoDay, planTotals } from './planning/demo-day.ts';
import { todayLocal } from './domain/stockholm-time.ts';

/** Solver time per municipality when the demo day is planned at start: start-up stays quick. */
export const DEMO_PLAN_MS = 30;

export function databaseTarget(config: Config): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL, maxConnections: config.DATABASE_POOL_SIZE }
    : { kind: 'pglite', dataDir: join(config.DATA_DIR, 'pglite') };
}

/**
 * Opens the database, applies the committed migrations, loads the reference data and, on an
 * empty demo database, synthetic demo data for today and tomorrow, with today's service day
 * planned (DEMO_PLAN) and its part before `now` recorded as worked.
 */
export async function prepareDatabase(
  config: Config,
  logger: Logger,
  now: Date,
  /** Told whether demo data was loaded just now (the demo history then follows). */
  loaded: { demo?: boolean } = {},
): Promise<Database> {
  const database = await openDatabase(databaseTarget(config));
  try {
    logger.info('database opened', { database: database.describe });
    await migrateDatabase(database);
    await seedMunicipalities(database.db);
    const demo =
      config.DEMO_DATA === 'on' || (config.DEMO_DATA === 'auto' && database.raw.kind === 'pglite');
    if (demo && (await isDatabaseEmpty(database.db))) {
      const started = performance.now();
      const scale = config.DEMO_SCALE ?? DEFAULT_SCALE;
      const summary = await seedDemoData(database.db, {
        seed: config.DEMO_SEED,
        scale,
        today: todayLocal(now),
      });
      loaded.demo = true;
      logger.info('demo data loaded', {
        ...summary,
        scale,
        ms: Math.round(performance.now() - started),
      });
      if (config.DEMO_PLAN === 'on') {
        const planStarted = performance.now();
        const plans = await planDemoDay(database.db, {
          municipalities: MUNICIPALITY_CODES,
          today: todayLocal(now),
          now,
          timeLimitMs: DEMO_PLAN_MS,
          seed: config.DEMO_SEED,
        });
        logger.info('demo day planned', {
          ...planTotals(plans),
          ms: Math.round(performance.now() - planStarted),
        });
      }
    }
    return database;
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

/**
 * Demo log-ins exist only on the embedded demo database (PGlite, demo data not switched off):
 * on a real PostgreSQL nobody can log in until `npm run admin:create` makes the first admin.
 */
export async function prepareDemoUsers(config: Config, database: Database): Promise<DemoUser[]> {
  if (database.raw.kind !== 'pglite' || config.DEMO_DATA === 'off') return [];
  if (await isDatabaseEmpty(database.db)) return [];
  return seedDemoUsers(database.db);
}
