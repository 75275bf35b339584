import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import { VersionConflict } from '../visits/visit-state.ts';
import { AppError, errorBody } from './errors.ts';

/** The single place an error becomes a response; unknown errors are logged and hidden. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof VersionConflict) {
    // A stale write: the visit as it is now comes along, so the client can refresh and redo.
    return c.json({ ...errorBody(err.code, err.message, err.details), current: err.current }, 409);
  }
  if (err instanceof AppError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 400 && /json/i.test(err.message)) {
      return c.json(
        errorBody('malformed_json', 'The body is not valid JSON', [
          { field: 'body', message: err.message },
        ]),
        400,
      );
    }
    if (status === 413) return c.json(errorBody('payload_too_large', err.message), 413);
    if (status === 415) return c.json(errorBody('unsupported_media_type', err.message), 415);
    if (status < 500) return c.json(errorBody('validation_failed', err.message), status);
  }
  const pgCode = (err as { code?: unknown }).code;
  if (typeof pgCode === 'string' && pgCode.startsWith('23')) {
    // Integrity rules the database enforces: the request broke one, nothing was written.
    return c.json(
      errorBody('constraint_violation', 'The change breaks a data rule', [
        { message: constraintName(err) },
      ]),
      422,
    );
  }
  const logger = c.get('logger');
  logger?.error('unhandled error', { err, route: c.req.routePath, method: c.req.method });
  return c.json(errorBody('internal', 'Something went wrong on our side'), 500);
}

function constraintName(err: Error): string {
  const name =
    (err as { constraint_name?: string; constraint?: string }).constraint_name ??
    (err as { constraint?: string }).constraint;
  return name ? `violates ${name}` : 'violates a database constraint';
}
