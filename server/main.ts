import { formatDemoUsers } from './demo/demo-users.ts';
import { createApp } from './app.ts';
import { purgeAuditLog } from './audit/retention.ts';
import { authenticateSession } from './auth/sessions.ts';
import { startPrincipalCache } from './auth/principal-invalidation.ts';
import { resolveAuthSettings } from './auth/secret-file.ts';
import { prepareDatabase, prepareDemoUsers } from './bootstrap.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { startLateRiskLoop } from './late-risk/late-risk-loop.ts';
import { PositionStore } from './positions/positions.ts';
import { RankWorker } from './suggestions/rank-in-worker.ts';
import { type Ranker, RankPool } from './suggestions/rank-pool.ts';
import { listen } from './http/http-server.ts';
import { attachWebSocket } from './live/attach-websocket.ts';
import { createLive } from './live/live.ts';
import { LiveState } from './live-state/live-state.ts';
import { type Logger, createLogger } from './logger.ts';
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
  const database = await prepareDatabase(config, logger, new Date());
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
  const principals = await startPrincipalCache(database, logger);
  const positions = new PositionStore();
  // The live layer: committed dispatch events and positions go out to the WebSocket clients;
  // sockets whose session ends (log-out, a disabled user, in any process) close within a second.
  const live = await createLive({
    database,
    logger,
    now,
    positions,
    principals: principals.cache,
  });
  // Each municipality's visits, routes and staff in memory, kept current from the bus.
  const liveState = new LiveState({ db: database.db, bus: live.bus, now, logger });
  const loadStarted = performance.now();
  await liveState.start();
  logger.info('live state read', { ms: Math.round(performance.now() - loadStarted) });
  const rankWorker = await startRankWorker(config, liveState, positions, logger);
  // A solver worker waits loaded, so a sick call's repair does not spend its box starting one.
  prestartSolverWorker();
  const app = createApp({
    database,
    logger,
    now,
    auth,
    principals: principals.cache,
    bus: live.bus,
    liveStats: () => live.hub.stats(),
    positions,
    liveState,
    rankWorker,
  });
  const running = await listen(app, config.PORT, config.HOST);
  const closeWs = attachWebSocket(running.server, {
    hub: live.hub,
    logger,
    authenticate: (token) =>
      authenticateSession({ database, now, auth, principals: principals.cache }, token),
  });
  const stopLateRisks = startLateRiskLoop(
    { db: database.db, bus: live.bus, now, positions, liveState },
    logger,
  );
  const url = `http://localhost:${running.port}`;
  logger.info('server listening', { url, docs: `${url}/docs`, database: database.describe });
  if (config.LOG_LEVEL !== 'silent') {
    process.stderr.write(`\n  Ready: ${url}  (API reference: ${url}/docs)\n\n`);
    if (demoUsers.length) process.stderr.write(`${formatDemoUsers(demoUsers)}\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(purgeTimer);
    logger.info('shutting down', { signal });
    try {
      await stopLateRisks();
      await closeWs();
      await rankWorker?.close();
      await stopSpareSolverWorker();
      await liveState.close();
      await live.close();
      await principals.close();
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

/**
 * Suggestions are ranked on `RANK_WORKERS` worker threads unless RANK_WORKER=off, or none
 * starts; workers that fail to start are left out.
 */
async function startRankWorker(
  config: Config,
  liveState: LiveState,
  positions: PositionStore,
  logger: Logger,
): Promise<Ranker | undefined> {
  if (config.RANK_WORKER === 'off') return undefined;
  const started: RankWorker[] = [];
  for (let i = 0; i < config.RANK_WORKERS; i++) {
    const worker = new RankWorker(liveState, logger, positions);
    try {
      await worker.start();
      started.push(worker);
    } catch (err) {
      logger.error('a ranking worker did not start', { err });
    }
  }
  if (started.length === 0) {
    logger.error('suggestions are ranked on the main thread');
    return undefined;
  }
  return started.length === 1 ? started[0] : new RankPool(started);
}
