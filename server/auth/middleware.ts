import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { AppError } from '../http/errors.ts';
import { isSystemClientRoute } from '../discharge/client-auth.ts';
import { authenticateToken } from './sessions.ts';

/** /api routes anyone may call: logging in, and the public list of municipalities. */
export function isPublic(method: string, path: string): boolean {
  if (path === '/api/auth/login') return method === 'POST';
  return (
    (method === 'GET' || method === 'HEAD') &&
    (path === '/api/municipalities' || path.startsWith('/api/municipalities/'))
  );
}

/** The bearer token of the request, or undefined. */
export function bearerToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer ([^\s]{1,512})$/i.exec(header.trim()) : null;
  return match?.[1];
}

const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Log in first: send Authorization: Bearer <token>', [], {
    'WWW-Authenticate': 'Bearer',
  });

/** Sets `principal` from the bearer token; every non-public /api request without one gets 401. */
export const authenticate =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const token = bearerToken(c);
    const principal = token ? await authenticateToken(deps, token) : null;
    if (principal) {
      c.set('principal', principal);
    } else if (!isPublic(c.req.method, c.req.path)) {
      // A system client's route checks its API key itself (server/discharge/client-auth.ts).
      if (isSystemClientRoute(c.req.method, c.req.path)) return next();
      throw unauthenticated();
    }
    await next();
  };

/** The client's address for rate limiting; behind no proxy this is the socket's peer. */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}
