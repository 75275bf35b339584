import { type DestinationStream, pino } from 'pino';
import type { LogLevel } from './config.ts';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/**
 * A backstop only: callers never log these, but a field so named is censored if one ever
 * does (top level or one object down).
 */
const SECRET_KEYS = ['password', 'token', 'authorization', 'cookie'];

/** fd 1, written synchronously: shared by every logger of the process. */
let stdout: DestinationStream | undefined;

/**
 * One JSON object per line on stdout: easy to grep here and to ship to a log store.
 * Callers pass ids, never patient details (door codes, names) — PDL.
 *
 * pino writes the lines (maintained, fast, the usual JSON log shape); this keeps the
 * project's `logger.info(msg, fields)` calls and the line the log store already reads:
 * `{"level":"info","time":"<ISO>",…fields,"msg":…}`, an Error as { name, message, stack }.
 * `write` (one line, no newline) is for tests; the default writes to fd 1 synchronously.
 */
export function createLogger(
  level: LogLevel,
  base: LogFields = {},
  write?: (line: string) => void,
): Logger {
  const destination: DestinationStream = write
    ? { write: (line) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : (stdout ??= pino.destination({ dest: 1, sync: true }));
  const root = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Not pino's err serializer ({ type, message, stack }, and under `err` only).
      serializers: { err: (value: unknown) => value },
      formatters: { level: (label) => ({ level: label }), log: errorsAsObjects },
      redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`]), censor: '[redacted]' },
    },
    destination,
  );
  return wrap(Object.keys(base).length > 0 ? root.child(base) : root);
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (m, f) => (f ? p.debug(f, m) : p.debug(m)),
    info: (m, f) => (f ? p.info(f, m) : p.info(m)),
    warn: (m, f) => (f ? p.warn(f, m) : p.warn(m)),
    error: (m, f) => (f ? p.error(f, m) : p.error(m)),
    child: (fields) => wrap(p.child(fields)),
  };
}

/** JSON.stringify writes an Error as {}; callers pass them as fields ({ err }). */
function errorsAsObjects(fields: LogFields): LogFields {
  let out = fields;
  for (const [key, value] of Object.entries(fields)) {
    if (!(value instanceof Error)) continue;
    if (out === fields) out = { ...fields };
    out[key] = { name: value.name, message: value.message, stack: value.stack };
  }
  return out;
}
