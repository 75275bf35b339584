import type { Database } from '../db/client.ts';
import type { Principal } from './auth/principal.ts';
import type { PrincipalCache } from './auth/principal-cache.ts';
import type { IntegrationClient } from './discharge/api-keys.ts';
import type { AuthSettings } from './auth/secrets.ts';
import type { PositionStore } from './positions/positions.ts';
import type { ProposalStore } from './sick-calls/proposals.ts';
import type { SolveFn } from './sick-calls/report-sick.ts';
import type { EventBus } from './live/event-bus.ts';
import type { LiveStats } from './live/hub.ts';
import type { Ranker } from './suggestions/rank-pool.ts';
import type { LiveState } from './live-state/live-state.ts';
import type { Logger } from './logger.ts';
import type { PlanningWorker } from './planning/jobs/worker-loop.ts';
import type { TravelProvider } from './travel/travel-provider.ts';

/**
 * What the app is built from, every part required: composeServer (server/compose.ts) builds
 * them alike for main.ts and the tests, so tests run the path production runs.
 */
export interface AppDeps {
  database: Database;
  logger: Logger;
  /** The clock; tests pin it. */
  now: () => Date;
  /** Signing secrets and session length. */
  auth: AuthSettings;
  /** Principals of recent tokens. */
  principals: PrincipalCache;
  /** Where committed events are published (the live layer). */
  bus: EventBus;
  /** Latest caregiver positions in this process. */
  positions: PositionStore;
  /** Repair proposals awaiting acceptance (in the database). */
  proposals: ProposalStore;
  /** The repair solve: a worker thread (tests may run it in-process). */
  solve: SolveFn;
  /** Travel times for planning, suggestions and repairs (TRAVEL_*, OSRM_*); null: the built-in estimate. */
  travel: TravelProvider | null;
  /** The municipalities' live state kept from the bus. */
  liveState: LiveState;
  /** This process's live-update figures (the hub's). */
  liveStats: () => LiveStats;
  /** Ranks suggestions on worker threads; null (RANK_WORKER=off): on the request's thread. */
  rankWorker: Ranker | null;
  /** This process's planning worker: woken when a job is queued, told of a cancel. */
  planning: Pick<PlanningWorker, 'wake' | 'cancelLocal'>;
  /** The built web app's folder, served at `/` (web/dist; a test may give its own). */
  webDist: string;
  /** MAP_TILE_URL: written into index.html for the map, its origin allowed in img-src; null: none. */
  mapTileUrl: string | null;
}

/** Hono context variables set by middleware. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    logger: Logger;
    /** The logged-in user; unset only on public routes. */
    principal: Principal;
    /** A system client (the region's discharge integration) on its own routes. */
    integrationClient?: IntegrationClient;
  };
}
