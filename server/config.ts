import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from '../db/client.ts';
import { TRAVEL_CONFIG } from './travel/travel-config.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A signing secret: long enough that it cannot be guessed (e.g. `openssl rand -base64 48`). */
const Secret = z.string().min(32, 'must be at least 32 characters');

/**
 * A map tile template: https, a plain host (it becomes a CSP origin), {z}, {x} and {y}, and
 * nothing that could leave the HTML attribute or the CSP it is written into.
 */
const TILE_URL_MESSAGE = 'must be an https://…/{z}/{x}/{y}.png template with {z}, {x} and {y}';
const TileUrl = z.string().refine((s) => {
  if (!/^https:\/\/[^/{}\s]+\/\S*$/.test(s) || /["'<>;,\\]/.test(s)) return false;
  if (!['{z}', '{x}', '{y}'].every((p) => s.includes(p))) return false;
  return URL.canParse(s.replace(/\{[a-z]\}/g, '0'));
}, TILE_URL_MESSAGE);

/** Every setting the server reads from the environment, with its default. The README lists them. */
const ConfigSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number between 0 and 65535' })
    .int('must be a whole number between 0 and 65535')
    .min(0, 'must be a whole number between 0 and 65535')
    .max(65535, 'must be a whole number between 0 and 65535')
    .default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number between 1 and 100' })
    .int('must be a whole number between 1 and 100')
    .min(1, 'must be a whole number between 1 and 100')
    .max(100, 'must be a whole number between 1 and 100')
    .default(DEFAULT_POOL_SIZE),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  DEMO_DATA: z.enum(['auto', 'on', 'off'], { error: 'must be auto, on or off' }).default('auto'),
  DEMO_SEED: z.coerce.number().int('must be a whole number').default(20261123),
  DEMO_SCALE: z.coerce
    .number({ error: 'must be a number' })
    .positive('must be greater than 0')
    .max(2, 'must be at most 2')
    .optional(),
  DEMO_PLAN: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  DEMO_HISTORY_DAYS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 90')
    .max(90, 'must be between 0 and 90')
    .default(28),
  RANK_WORKER: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  RANK_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  AUTH_SECRET: Secret.optional(),
  AUTH_PREVIOUS_SECRETS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(Secret).max(5, 'at most 5 previous secrets'))
    .default([]),
  SESSION_TTL_MINUTES: z.coerce
    .number({ error: 'must be a whole number of minutes' })
    .int('must be a whole number of minutes')
    .min(5, 'must be at least 5')
    .max(10_080, 'must be at most 10080 (a week)')
    .default(720),
  /** The console map's tile layer; unset: the municipality outlines alone, no external request. */
  MAP_TILE_URL: TileUrl.optional(),
  AUDIT_RETENTION_YEARS: z.coerce
    .number({ error: 'must be a whole number of years' })
    .int('must be a whole number of years')
    .min(5, 'must be at least 5 (Patientdatalagen)')
    .max(100)
    .default(5),
  /** Travel estimates and the OSRM road network (server/travel/travel-config.ts). */
  ...TRAVEL_CONFIG,
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration; throws ConfigError naming every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) {
    // Several processes on one PostgreSQL must share the secret: none may invent its own.
    if (parsed.data.DATABASE_URL && !parsed.data.AUTH_SECRET)
      throw new ConfigError(['AUTH_SECRET: required with DATABASE_URL (at least 32 characters)']);
    return parsed.data;
  }
  throw new ConfigError(
    parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '?');
      // Never echo a secret back into a terminal or log.
      const shown = /SECRET/.test(key) ? '(hidden)' : JSON.stringify(env[key] ?? '');
      return `${key}=${shown}: ${i.message}`;
    }),
  );
}
