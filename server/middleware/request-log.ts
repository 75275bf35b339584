import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.ts';

/** One line per request: method, path (no query: it may name a patient), status, time. */
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
    const fields = { method: c.req.method, path: c.req.path, status, ms };
    if (status >= 500) logger.error('request', fields);
    else logger.debug('request', fields);
  };
