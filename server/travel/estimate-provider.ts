import {
  DEFAULT_ESTIMATE,
  type EstimateOptions,
  type TravelSource,
  estimateTravel,
} from '../solver-bridge/travel.ts';
import type { TravelProvider } from './travel-provider.ts';

/** Any synchronous source as a provider: what it says, labelled an estimate. */
export function sourceProvider(source: TravelSource): TravelProvider {
  return {
    kind: 'estimate',
    sync: source,
    matrix: async (points, mode) => ({ ...source.matrices(points, mode), source: 'estimate' }),
  };
}

/** The default provider, no service: great-circle distance × detour, mode speed, allowance, buffer. */
export function estimateProvider(options: Partial<EstimateOptions> = {}): TravelProvider {
  const estimate: EstimateOptions = { ...DEFAULT_ESTIMATE, ...options };
  return { ...sourceProvider(estimateTravel(estimate)), estimate };
}
