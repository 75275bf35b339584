/** Stable error codes clients can rely on; the message is for people. */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'emergency_access_not_for_lists'
  | 'rate_limited'
  | 'malformed_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'headers_too_large'
  | 'not_found'
  | 'conflict'
  | 'constraint_violation'
  | 'method_not_allowed'
  | 'unavailable'
  | 'internal';

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `query.municipality` or `body.windowEnd`. */
  field?: string;
  message: string;
  /** A stable code for the kind of problem, where clients act on it (e.g. a stale plan's change). */
  reason?: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

/** An error the client can act on; anything else becomes a 500 with no internals shown. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Extra response headers, e.g. WWW-Authenticate on 401, Retry-After on 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function errorBody(
  code: ErrorCode,
  message: string,
  details: ErrorDetail[] = [],
): ErrorBody {
  return { error: { code, message, details } };
}

export const notFound = (what: string, field?: string) =>
  new AppError(
    404,
    'not_found',
    `${what} not found`,
    field ? [{ field, message: `${what} not found` }] : [],
  );
