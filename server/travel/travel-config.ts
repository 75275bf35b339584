import { z } from 'zod';
import { TRAVEL_MODES, type TravelMode } from '../../db/reference/professions.ts';
import { DEFAULT_ESTIMATE, type EstimateOptions } from '../solver-bridge/travel.ts';

const positive = (max: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a number above 0 and at most ${max}` })
    .positive(`must be a number above 0 and at most ${max}`)
    .max(max, `must be a number above 0 and at most ${max}`)
    .default(fallback);
const seconds = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number of seconds between 0 and 3600' })
    .int('must be a whole number of seconds between 0 and 3600')
    .min(0, 'must be a whole number of seconds between 0 and 3600')
    .max(3600, 'must be a whole number of seconds between 0 and 3600')
    .default(fallback);

const PROFILES_MESSAGE = 'must be mode:profile pairs, e.g. car:driving,bike:cycling,walk:foot';
/** OSRM_PROFILES: which modes the OSRM server routes, and under what URL profile. */
const Profiles = z
  .string()
  .transform((s, ctx) => {
    const out: Partial<Record<TravelMode, string>> = {};
    for (const part of s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const [mode, profile] = part.split(':').map((x) => x.trim());
      if (!TRAVEL_MODES.includes(mode as TravelMode) || !/^[A-Za-z0-9_-]+$/.test(profile ?? '')) {
        ctx.addIssue({ code: 'custom', message: PROFILES_MESSAGE });
        return z.NEVER;
      }
      out[mode as TravelMode] = profile;
    }
    return out;
  })
  .default({ car: 'driving' });

const m = DEFAULT_ESTIMATE.modes;

/**
 * The travel settings, spread into the server's ConfigSchema (server/config.ts); the README
 * lists them. Defaults are the estimate the solver has always used.
 */
export const TRAVEL_CONFIG = {
  TRAVEL_DETOUR_FACTOR: z.coerce
    .number({ error: 'must be a number from 1 to 3' })
    .min(1, 'must be a number from 1 to 3')
    .max(3, 'must be a number from 1 to 3')
    .default(DEFAULT_ESTIMATE.detourFactor),
  TRAVEL_BUFFER_FACTOR: z.coerce
    .number({ error: 'must be a number from 1 to 3' })
    .min(1, 'must be a number from 1 to 3')
    .max(3, 'must be a number from 1 to 3')
    .default(DEFAULT_ESTIMATE.bufferFactor),
  TRAVEL_BUFFER_SECONDS: seconds(DEFAULT_ESTIMATE.bufferSeconds),
  TRAVEL_MIN_SECONDS: seconds(0),
  TRAVEL_CAR_KMH: positive(150, m.car.kmh),
  TRAVEL_BIKE_KMH: positive(50, m.bike.kmh),
  TRAVEL_WALK_KMH: positive(10, m.walk.kmh),
  TRAVEL_TRANSIT_KMH: positive(100, m.transit.kmh),
  TRAVEL_CAR_ALLOWANCE_SECONDS: seconds(m.car.overheadSeconds),
  TRAVEL_BIKE_ALLOWANCE_SECONDS: seconds(m.bike.overheadSeconds),
  TRAVEL_WALK_ALLOWANCE_SECONDS: seconds(m.walk.overheadSeconds),
  TRAVEL_TRANSIT_ALLOWANCE_SECONDS: seconds(m.transit.overheadSeconds),
  OSRM_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  OSRM_URL_BIKE: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  OSRM_URL_WALK: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  OSRM_PROFILES: Profiles,
  OSRM_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds from 100 to 120000' })
    .int('must be a whole number of milliseconds from 100 to 120000')
    .min(100, 'must be a whole number of milliseconds from 100 to 120000')
    .max(120_000, 'must be a whole number of milliseconds from 100 to 120000')
    .default(5000),
  OSRM_BLOCK_SIZE: z.coerce
    .number({ error: 'must be a whole number from 2 to 1000' })
    .int('must be a whole number from 2 to 1000')
    .min(2, 'must be a whole number from 2 to 1000')
    .max(1000, 'must be a whole number from 2 to 1000')
    .default(100),
  OSRM_CACHE_PAIRS: z.coerce
    .number({ error: 'must be a whole number from 0 to 10000000' })
    .int('must be a whole number from 0 to 10000000')
    .min(0, 'must be a whole number from 0 to 10000000')
    .max(10_000_000, 'must be a whole number from 0 to 10000000')
    .default(500_000),
};

export type TravelConfig = {
  [K in keyof typeof TRAVEL_CONFIG]: z.infer<(typeof TRAVEL_CONFIG)[K]>;
};

/** The estimate's parameters from the settings. */
export function estimateOptionsOf(c: Partial<TravelConfig>): EstimateOptions {
  const d = DEFAULT_ESTIMATE;
  const mode = (kmh: number | undefined, allowance: number | undefined, base: typeof m.car) => ({
    kmh: kmh ?? base.kmh,
    overheadSeconds: allowance ?? base.overheadSeconds,
  });
  return {
    detourFactor: c.TRAVEL_DETOUR_FACTOR ?? d.detourFactor,
    bufferFactor: c.TRAVEL_BUFFER_FACTOR ?? d.bufferFactor,
    bufferSeconds: c.TRAVEL_BUFFER_SECONDS ?? d.bufferSeconds,
    ...(c.TRAVEL_MIN_SECONDS ? { minSeconds: c.TRAVEL_MIN_SECONDS } : {}),
    modes: {
      car: mode(c.TRAVEL_CAR_KMH, c.TRAVEL_CAR_ALLOWANCE_SECONDS, m.car),
      bike: mode(c.TRAVEL_BIKE_KMH, c.TRAVEL_BIKE_ALLOWANCE_SECONDS, m.bike),
      walk: mode(c.TRAVEL_WALK_KMH, c.TRAVEL_WALK_ALLOWANCE_SECONDS, m.walk),
      transit: mode(c.TRAVEL_TRANSIT_KMH, c.TRAVEL_TRANSIT_ALLOWANCE_SECONDS, m.transit),
    },
  };
}
