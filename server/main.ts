import { MUNICIPALITY_CODES } from '../db/reference/municipalities.ts';
import { startDemoDischargesInBackground } from './demo/demo-discharges.ts';
import { formatDemoUsers } from './demo/demo-users.ts';
import { startRollupCatchUp } from './board/rollups/catch-up.ts';
import { startHistoryInBackground } from './demo/history/start-history.ts';
import { todayLocal } from './domain/stockholm-time.ts';
import { purgeAuditLog } from './audit/retention.ts';
import { resolveAuthSettings } from './auth/secret-file.ts';
import { prepareDatabase, prepareDemoUsers } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { attachLive, composeServer } from './compose.ts';
import { startLateRiskLoop } from './late-risk/late-risk-loop.ts';
import { listen } from './http/http-server.ts';
import { createLogger } from './logger.ts';
import { prestartSolverWorker, stopSpareSolverWorker } from './solver-bridge/spare-worker.ts';

/** `npm start`: configuration → database → HTTP; SIGTERM/SIGINT stop it cleanly. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const auth = resolveAuthSettings(config, logger);
  const startedAt = new Date();
  const loaded: { demo?: boolean } = {};
  const database = await prepareDatabase(config, logger, startedAt, loaded);
  const demoUsers = await prepareDemoUsers(config, database);
  const purge = async () => {
    const removed = await purgeAuditLog(database.db, config.AUDIT_RETENTION_YEARS, new Date());
    if (removed) logger.info('audit rows past retention removed', { removed });
  };
  await purge();
  // Once a day while running; a failure is logged, never fatal.
  const purgeTimer = setInterval(
    () => void purge().catch((err: unknown) => logger.error('audit purge failed', { err })),
    86_400_000,
  );
  purgeTimer.unref();
  const now = () => new Date();
  const server = await composeServer({ config, database, logger, now, auth });
  // A solver worker waits loaded, so a sick call's repair does not spend its box starting one.
  prestartSolverWorker();
  const { app, deps } = server;
  const running = await listen(app, config.PORT, config.HOST);
  const closeWs = attachLive(running.server, server);
  const stopLateRisks = startLateRiskLoop(
    { db: database.db, bus: deps.bus, now, positions: deps.positions, liveState: deps.liveState },
    logger,
  );
  const url = `http://localhost:${running.port}`;
  logger.info('server listening', { url, docs: `${url}/docs`, database: database.describe });
  if (config.LOG_LEVEL !== 'silent') {
    process.stderr.write(`\n  Ready: ${url}  (API reference: ${url}/docs)\n\n`);
    if (demoUsers.length) process.stderr.write(`${formatDemoUsers(demoUsers)}\n`);
  }
  // The demo's discharge cases and its past are made after the server is ready: start-up stays short.
  const discharges = loaded.demo
    ? startDemoDischargesInBackground(database.db, logger, {
        municipalities: MUNICIPALITY_CODES,
        now: startedAt,
        bus: deps.bus,
      })
    : null;
  const history =
    loaded.demo && config.DEMO_HISTORY_DAYS > 0
      ? startHistoryInBackground(database.db, logger, {
          municipalities: MUNICIPALITY_CODES,
          today: todayLocal(startedAt),
          days: config.DEMO_HISTORY_DAYS,
          seed: config.DEMO_SEED,
        })
      : null;

  // Days marked before any board read computed them (the history's are computed as written;
  // a database from before the rollups has all of them marked): one at a time, after the history.
  const rollups = startRollupCatchUp(database.db, logger, history?.done);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(purgeTimer);
    logger.info('shutting down', { signal });
    try {
      await history?.stop();
      await rollups.stop();
      await discharges?.stop();
      await stopLateRisks();
      await closeWs();
      await stopSpareSolverWorker();
      await server.close();
    } catch (err) {
      logger.error('closing the live layer failed', { err });
    }
    await running.close(config.SHUTDOWN_TIMEOUT_MS);
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
