import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_ESTIMATE } from '../solver-bridge/travel.ts';
import { estimateProvider } from './estimate-provider.ts';
import { osrmProvider } from './osrm-provider.ts';
import { type TravelConfig, estimateOptionsOf } from './travel-config.ts';
import type { TravelProvider } from './travel-provider.ts';

/**
 * The process's travel provider: OSRM when OSRM_URL is set, else the estimate with the
 * configured parameters; null when that is the built-in estimate itself (AppDeps.travel's
 * null), so nothing changes for a server configured as before.
 */
export function travelFromConfig(c: Partial<TravelConfig>): TravelProvider | null {
  const estimate = estimateOptionsOf(c);
  if (c.OSRM_URL) {
    return osrmProvider({
      url: c.OSRM_URL,
      urls: { bike: c.OSRM_URL_BIKE, walk: c.OSRM_URL_WALK },
      profiles: c.OSRM_PROFILES ?? { car: 'driving' },
      timeoutMs: c.OSRM_TIMEOUT_MS ?? 5000,
      blockSize: c.OSRM_BLOCK_SIZE ?? 100,
      cachePairs: c.OSRM_CACHE_PAIRS ?? 500_000,
      estimate,
    });
  }
  return isDeepStrictEqual(estimate, DEFAULT_ESTIMATE) ? null : estimateProvider(estimate);
}
