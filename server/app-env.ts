import type { Database } from '../db/client.ts';
import type { Logger } from './logger.ts';

/** What the app is built from: tests pass their own, main passes the real ones. */
export interface AppDeps {
  database: Database;
  logger: Logger;
  /** The clock; tests pin it. */
  now: () => Date;
}

/** Hono context variables set by middleware. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    logger: Logger;
  };
}
