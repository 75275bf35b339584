import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Logger } from '../logger.ts';
import type { Tx } from '../events/append-events.ts';
import { PrincipalCache, type PrincipalCacheOptions } from './principal-cache.ts';

/** Tells every server process that sessions or users changed; the payload is empty. */
export const AUTH_CHANNEL = 'auth_changed';

/**
 * Inside the transaction that ends or narrows a principal (log-out; later, disabling a user
 * or changing their scope): PostgreSQL delivers the notice with the commit, never without it.
 * The caller also invalidates its own process's cache after the commit.
 */
export async function notifyPrincipalsChanged(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_notify(${AUTH_CHANNEL}, '')`);
}

export interface RunningPrincipalCache {
  cache: PrincipalCache;
  close(): Promise<void>;
}

/**
 * The principal cache of a server process. On PGlite there is only this process. On
 * PostgreSQL it LISTENs on `AUTH_CHANNEL` and empties on every notice; postgres.js re-listens
 * after a lost connection, and the cache empties again then, since notices sent meanwhile
 * were lost. Should the re-listen itself fail, entries still end after `ttlMs`.
 */
export async function startPrincipalCache(
  database: Database,
  logger: Logger,
  options: PrincipalCacheOptions = {},
): Promise<RunningPrincipalCache> {
  const raw = database.raw;
  if (raw.kind === 'pglite') {
    return { cache: new PrincipalCache(options), close: async () => {} };
  }
  const cache = new PrincipalCache({ ...options, trusted: false });
  let listened = false;
  const listener = await raw.client.listen(
    AUTH_CHANNEL,
    () => cache.invalidate(),
    () => {
      if (listened) logger.info('principal cache listening again; emptied');
      listened = true;
      cache.setTrusted(true);
    },
  );
  return {
    cache,
    close: async () => {
      cache.setTrusted(false);
      await listener.unlisten();
    },
  };
}
