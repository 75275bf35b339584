import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { AppError } from './errors.ts';

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

/**
 * Bounded request bodies: a dispatcher's write is small. A body of declared length is judged
 * by its Content-Length header alone, and a request without a body passes at once: Hono's
 * bodyLimit looks at `c.req.raw.body`, which on Node builds a whole web Request (streams and
 * all) for every request, a GET included, and takes the body off the server's direct read.
 * A chunked body, whose size is known only once read, goes through bodyLimit.
 */
export const limitBody = (maxSize: number): MiddlewareHandler<AppEnv> => {
  const tooLarge = () => {
    throw new AppError(413, 'payload_too_large', `The body is larger than ${maxSize} bytes`);
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    // On Node the request's own headers (HTTP/1.1: a body has one of these two); elsewhere
    // (app.request in tests) Hono's way.
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming?.headers || incoming.headers['transfer-encoding'] !== undefined) {
      return streamed(c, next);
    }
    const length = incoming.headers['content-length'];
    if (length !== undefined && Number.parseInt(length, 10) > maxSize) tooLarge();
    await next();
  };
};
