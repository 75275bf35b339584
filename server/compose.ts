import type { Server } from 'node:http';
import type { Database } from '../db/client.ts';
import { authenticateSession } from './auth/index.ts';
import { attachWebSocket } from './live/attach-websocket.ts';
import type { AppDeps } from './app-env.ts';
import { type App, createApp } from './app.ts';
import { WEB_DIST } from './web/web-routes.ts';
import { type RunningPrincipalCache, startPrincipalCache } from './auth/principal-invalidation.ts';
import type { AuthSettings } from './auth/secrets.ts';
import type { Config } from './config.ts';
import { type Live, createLive } from './live/live.ts';
import type { HubLimits } from './live/limits.ts';
import { LiveState } from './live-state/live-state.ts';
import type { Logger } from './logger.ts';
import { PositionStore } from './positions/positions.ts';
import { ProposalStore } from './sick-calls/proposals.ts';
import type { JobSolve } from './planning/jobs/run-job.ts';
import { type PlanningWorkerOptions, PlanningWorker } from './planning/jobs/worker-loop.ts';
import { runSolveInWorker } from './solver-bridge/run-in-worker.ts';
import { type SolveFn, solveInWorker } from './solver-bridge/solve-rows.ts';
import type { EstimateOptions } from './solver-bridge/travel.ts';
import type { TravelConfig } from './travel/travel-config.ts';
import { travelFromConfig } from './travel/travel-from-config.ts';
import type { TravelProvider } from './travel/travel-provider.ts';
import { RankWorker } from './suggestions/rank-in-worker.ts';
import { type Ranker, RankPool } from './suggestions/rank-pool.ts';

/** What a server is composed from: the process's settings, database, logger and clock. */
export interface ServerParts {
  config: Pick<Config, 'RANK_WORKER' | 'RANK_WORKERS'> &
    Partial<Pick<Config, 'MAP_TILE_URL'>> &
    Partial<TravelConfig>;
  database: Database;
  logger: Logger;
  now: () => Date;
  auth: AuthSettings;
  /** What a test replaces (a solve in-process, its own principal cache); main none. */
  overrides?: {
    solve?: SolveFn;
    travel?: TravelProvider;
    principals?: RunningPrincipalCache;
    liveLimits?: Partial<HubLimits>;
    /** Another built web app to serve at `/` (a test's fixed page). */
    webDist?: string;
    /** The planning jobs' solve and worker timings. */
    planningSolve?: JobSolve;
    planningWorker?: Partial<PlanningWorkerOptions>;
  };
}

export interface ComposedServer {
  app: App;
  deps: AppDeps;
  /** The live layer: attachWebSocket connects sockets to its hub. */
  live: Live;
  /** Stops the rank workers, the live state, the live layer and the principal cache. */
  close(): Promise<void>;
}

/**
 * Serves the live protocol on the server's HTTP server, authenticating as the REST routes
 * do; returns the function that closes every socket.
 */
export function attachLive(http: Server, server: ComposedServer): () => Promise<void> {
  const { database, now, auth, principals, logger } = server.deps;
  return attachWebSocket(http, {
    hub: server.live.hub,
    logger,
    authenticate: async (token) => {
      const session = await authenticateSession({ database, now, auth, principals }, token);
      // The hub times sessions on the real clock: what is left of this one on the app's clock
      // (the same in production; a test pins the app's clock in the past).
      return session && { ...session, expiresAt: Date.now() + session.expiresAt - now().getTime() };
    },
  });
}

/**
 * Builds the server the one way main.ts and the tests do: the live layer, the live state
 * read from the database and kept from the bus, the position and proposal stores, the
 * ranking workers (unless RANK_WORKER=off), the repair solve, and the app on them.
 */
export async function composeServer(parts: ServerParts): Promise<ComposedServer> {
  const { config, database, logger, now, overrides = {} } = parts;
  const principals = overrides.principals ?? (await startPrincipalCache(database, logger));
  const positions = new PositionStore();
  // The live layer: committed events and every position go out to the WebSocket clients;
  // sockets whose session ends (log-out, a disabled user, in any process) close within a second.
  const live = await createLive({
    database,
    logger,
    now,
    positions,
    principals: principals.cache,
    limits: overrides.liveLimits,
  });
  // Each municipality's visits, routes and staff in memory, kept current from the bus.
  const liveState = new LiveState({ db: database.db, bus: live.bus, now, logger });
  const loadStarted = performance.now();
  await liveState.start();
  logger.info('live state read', { ms: Math.round(performance.now() - loadStarted) });
  const travel = overrides.travel ?? travelFromConfig(config);
  // A worker ranks with the estimate; a road network's times are fetched on this thread.
  const estimate = travel?.sync ? travel.estimate : undefined;
  const rankWorker = await startRanker(config, liveState, positions, logger, estimate);
  // Planning jobs queued by any process, run here one at a time off the request thread.
  const planning = new PlanningWorker(
    {
      db: database.db,
      bus: live.bus,
      now,
      logger,
      travel,
      solve: overrides.planningSolve ?? runSolveInWorker,
    },
    overrides.planningWorker,
  );
  planning.start();
  const deps: AppDeps = {
    database,
    logger,
    now,
    auth: parts.auth,
    principals: principals.cache,
    bus: live.bus,
    liveStats: () => live.hub.stats(),
    positions,
    proposals: new ProposalStore(database.db),
    solve: overrides.solve ?? solveInWorker,
    travel,
    liveState,
    rankWorker,
    planning,
    webDist: overrides.webDist ?? WEB_DIST,
    mapTileUrl: config.MAP_TILE_URL ?? null,
  };
  return {
    app: createApp(deps),
    deps,
    live,
    close: async () => {
      await planning.stop();
      await rankWorker?.close();
      await liveState.close();
      await live.close();
      if (!overrides.principals) await principals.close();
    },
  };
}

/**
 * Suggestions are ranked on `RANK_WORKERS` worker threads unless RANK_WORKER=off (null: on
 * the request's thread), or none starts; workers that fail to start are left out.
 */
async function startRanker(
  config: ServerParts['config'],
  liveState: LiveState,
  positions: PositionStore,
  logger: Logger,
  estimate?: EstimateOptions,
): Promise<Ranker | null> {
  if (config.RANK_WORKER === 'off') return null;
  const started: RankWorker[] = [];
  for (let i = 0; i < config.RANK_WORKERS; i++) {
    const worker = new RankWorker(liveState, logger, positions, estimate);
    try {
      await worker.start();
      started.push(worker);
    } catch (err) {
      logger.error('a ranking worker did not start', { err });
    }
  }
  if (started.length === 0) {
    logger.error('suggestions are ranked on the main thread');
    return null;
  }
  return started.length === 1 ? started[0] : new RankPool(started);
}
