import type { Database } from '../db/client.ts';
import type { Principal } from './auth/principal.ts';
import type { PrincipalCache } from './auth/principal-cache.ts';
import type { AuthSettings } from './auth/secrets.ts';
import type { PositionStore } from './positions/positions.ts';
import type { ProposalStore } from './sick-calls/proposals.ts';
import type { SolveFn } from './sick-calls/report-sick.ts';
import type { EventBus } from './live/event-bus.ts';
import type { LiveStats } from './live/hub.ts';
import type { Ranker } from './suggestions/rank-pool.ts';
import type { LiveState } from './live-state/live-state.ts';
import type { Logger } from './logger.ts';
import type { TravelSource } from './solver-bridge/travel.ts';

/** What the app is built from: tests pass their own, main passes the real ones. */
export interface AppDeps {
  database: Database;
  logger: Logger;
  /** The clock; tests pin it. */
  now: () => Date;
  /** Signing secrets and session length; absent: a random secret for this process (tests). */
  auth?: AuthSettings;
  /** Principals of recent tokens; absent: every request asks the database who it is. */
  principals?: PrincipalCache;
  /** Where committed dispatch events are published (the live layer); absent: not published. */
  bus?: EventBus;
  /** Latest caregiver positions; absent: createApp makes one for this app. */
  positions?: PositionStore;
  /** Repair proposals awaiting acceptance (in the database); absent: createApp makes one. */
  proposals?: ProposalStore;
  /** The repair solve (tests run it in-process); absent: a worker thread. */
  solve?: SolveFn;
  /** Travel times for suggestions and repairs; absent: the built-in estimate. */
  travel?: TravelSource;
  /** The municipalities' live state kept from the bus; absent: suggestions read the database. */
  liveState?: LiveState;
  /** This process's live-update figures (the hub's); absent: it serves no live updates. */
  liveStats?: () => LiveStats;
  /** Ranks suggestions on a worker thread; absent: on the request's thread. */
  rankWorker?: Ranker;
}

/** Hono context variables set by middleware. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    logger: Logger;
    /** The logged-in user; unset only on public routes. */
    principal: Principal;
  };
}
