import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Takes a caller's X-Request-Id when it is safe to log, else makes one; echoes it back. */
export const requestId = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const given = c.req.header('x-request-id');
  const id = given && SAFE_ID.test(given) ? given : randomUUID();
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
};
