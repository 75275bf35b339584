/**
 * npm run seed -- [--seed N] [--scale X] [--today YYYY-MM-DD] [--municipality CODE ...] [--reset]
 *                 [--plan [--plan-ms MS]] [--history-days N]
 *
 * Opens the database named by the environment (DATABASE_URL, else PGlite in
 * ${DATA_DIR:-./data}/pglite), migrates it, and fills it with deterministic demo data.
 * It then sends a few synthetic discharge cases per municipality through the region's intake
 * (server/demo/demo-discharges.ts), generates the --history-days days before today (server/demo/history) and, with
 * --plan, routes today's service day of each municipality (server/planning).
 * Refuses a non-empty database unless --reset (which first deletes every row).
 * Exit codes: 0 done, 1 failure, 2 bad arguments, 3 database not empty.
 */
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { MUNICIPALITY_CODES } from '../../db/reference/municipalities.ts';
import { databaseTargetFromEnv } from '../../db/target.ts';
import { planDemoDay, planTotals } from '../planning/demo-day.ts';
import { DateTime } from 'luxon';
import { ZONE, todayLocal } from '../domain/stockholm-time.ts';
import { seedDemoDischarges } from './demo-discharges.ts';
import { generateHistory } from './history/generate-history.ts';
import { type CliArgs, parseSeedArgs, USAGE } from '../../db/seed/args.ts';
import { isDatabaseEmpty, resetDatabase, seedDemoData } from '../../db/seed/seed.ts';

async function main(): Promise<number> {
  let args: CliArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`seed: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const database = await openDatabase(databaseTargetFromEnv());
  try {
    console.log(`seed: ${database.describe}`);
    await migrateDatabase(database);
    if (args.reset) {
      const started = performance.now();
      await resetDatabase(database.db);
      console.log(`seed: deleted all rows (${Math.round(performance.now() - started)} ms)`);
    } else if (!(await isDatabaseEmpty(database.db))) {
      console.error(
        'seed: the database already has staff rows; run with --reset to replace everything',
      );
      return 3;
    }
    const { options } = args;
    console.log(
      `seed: seed ${options.seed}, scale ${options.scale}, today ${options.today}, municipalities ${options.municipalities?.join(' ') ?? 'all 26'}`,
    );
    const started = performance.now();
    const summary = await seedDemoData(database.db, options);
    const seconds = (performance.now() - started) / 1000;
    console.table(summary);
    console.log(`seed: done in ${seconds.toFixed(2)} s`);
    // The region's discharge notices: the intake checks their times against the real clock, so
    // they are counted back from now on today, else from noon of --today.
    const discharges = await seedDemoDischarges(database.db, {
      municipalities: options.municipalities ?? MUNICIPALITY_CODES,
      now:
        options.today === todayLocal(new Date())
          ? new Date()
          : DateTime.fromISO(options.today, { zone: ZONE }).set({ hour: 12 }).toJSDate(),
    });
    console.log(
      `seed: ${discharges.cases} discharge cases (${discharges.messages} region messages)`,
    );
    // The past first: its plans then do not depend on today's (wall-clock bounded) plan.
    if (args.historyDays > 0) {
      const history = await generateHistory(database.db, {
        municipalities: options.municipalities ?? MUNICIPALITY_CODES,
        today: options.today,
        days: args.historyDays,
        seed: options.seed,
      });
      console.log(
        `seed: history of ${history.days} days: ${history.visits} visits (${history.urgent} urgent calls), ` +
          `${history.done} done, ${history.noAccess} no access, ${history.cancelled} cancelled, ` +
          `${history.events} status events in ${(history.ms / 1000).toFixed(2)} s`,
      );
    }
    if (args.plan) {
      const planStarted = performance.now();
      const plans = await planDemoDay(database.db, {
        municipalities: options.municipalities ?? MUNICIPALITY_CODES,
        today: options.today,
        now: new Date(),
        timeLimitMs: args.plan.timeLimitMs,
        seed: options.seed,
      });
      console.table(
        plans.map((p) => ({
          municipality: p.municipality,
          visits: p.visits,
          assigned: p.assigned,
          unassigned: p.unassigned,
          done: p.done,
          inProgress: p.inProgress,
          travelHours: Math.round(p.travelSeconds / 360) / 10,
          solveMs: p.solveMs,
        })),
      );
      const t = planTotals(plans);
      console.log(
        `seed: planned ${t.assigned} of ${t.visits} visits of today's service day ` +
          `(${t.done} done, ${t.inProgress} in progress) in ` +
          `${((performance.now() - planStarted) / 1000).toFixed(2)} s`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error('seed: failed:', e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
