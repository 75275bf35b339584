import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../errors.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A request with no body at all (e.g. log-out) need not name a content type. */
function hasBody(c: Parameters<MiddlewareHandler<AppEnv>>[0]): boolean {
  const length = c.req.header('content-length');
  return (
    c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0')
  );
}

/** Writes must say they send JSON; anything else is refused before it is read. */
export const requireJson = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (WRITE_METHODS.has(c.req.method) && (hasBody(c) || c.req.header('content-type'))) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new AppError(415, 'unsupported_media_type', 'Send the body as application/json', [
        { field: 'header.content-type', message: 'must be application/json' },
      ]);
    }
  }
  await next();
};

/** Bounded request bodies: a dispatcher's write is small. */
export const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(413, 'payload_too_large', `The body is larger than ${maxSize} bytes`);
    },
  });
