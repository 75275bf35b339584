import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../http/errors.ts';
import { type IntegrationClient, clientByKey } from './api-keys.ts';

/** The header a system client sends its API key in. */
export const API_KEY_HEADER = 'X-Api-Key';

/** Routes a system client calls with its API key instead of a person's log-in. */
export function isSystemClientRoute(method: string, path: string): boolean {
  return method === 'POST' && path === '/api/discharge/messages';
}

/**
 * The gate of a system-client route: a valid API key (401 without one); a person logged in
 * is refused (403): region messages come from the region's integration only.
 */
export const requireIntegrationClient: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header(API_KEY_HEADER);
  if (key === undefined && c.get('principal')) {
    throw new AppError(403, 'forbidden', 'Only the region integration sends discharge messages', [
      { field: `header.${API_KEY_HEADER.toLowerCase()}`, message: 'send the API key' },
    ]);
  }
  const client = key ? await clientByKey(c.get('deps').database.db, key.trim()) : null;
  if (!client) {
    throw new AppError(
      401,
      'unauthenticated',
      `Send the integration's API key in ${API_KEY_HEADER}`,
    );
  }
  c.set('integrationClient', client);
  await next();
};

export function integrationClientOf(c: Context<AppEnv>): IntegrationClient {
  const client = c.get('integrationClient');
  if (!client) throw new AppError(401, 'unauthenticated', 'No integration client');
  return client;
}
