import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.ts';

/**
 * One line per request: method, route pattern (`/api/patients/:id`: neither the path nor the
 * query, which may name a patient), status, time and the user id. Never bodies or headers:
 * they carry passwords, tokens and door codes. Who read which patient is the audit log's job.
 */
export const requestLog =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const started = performance.now();
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    c.set('deps', deps);
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const userId = c.get('principal')?.userId;
    const fields = { method: c.req.method, route: c.req.routePath, status, ms, userId };
    if (status >= 500) logger.error('request', fields);
    else logger.debug('request', fields);
  };
