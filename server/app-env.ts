import type { Database } from '../db/client.ts';
import type { Principal } from './auth/principal.ts';
import type { AuthSettings } from './auth/secrets.ts';
import type { Logger } from './logger.ts';

/** What the app is built from: tests pass their own, main passes the real ones. */
export interface AppDeps {
  database: Database;
  logger: Logger;
  /** The clock; tests pin it. */
  now: () => Date;
  /** Signing secrets and session length; absent: a random secret for this process (tests). */
  auth?: AuthSettings;
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
