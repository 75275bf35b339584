import type { TravelMode } from '../../db/reference/professions.ts';
import type { EstimateOptions, LatLon, TravelSource } from '../solver-bridge/travel.ts';

/** Where a matrix came from: the road network, or the straight-line estimate. */
export type TravelOrigin = 'osrm' | 'estimate';

/**
 * One travel matrix over a list of points, row-major (from row to column), points² long.
 * Whole seconds, as everywhere in the solver (not minutes: a minute is too coarse to order
 * two caregivers a few streets apart), and metres.
 */
export interface TravelMatrix {
  durations: Int32Array;
  distances: Int32Array;
  source: TravelOrigin;
  /** Why the road network was asked and the estimate answered (failed, timed out, unrouted mode). */
  fallbackReason?: string;
}

/**
 * The one way planning, repairs and suggestions get travel times: one matrix per list of
 * points and mode, asked for in one call so a road-network service can batch it.
 */
export interface TravelProvider {
  readonly kind: TravelOrigin;
  matrix(points: readonly LatLon[], mode: TravelMode): Promise<TravelMatrix>;
  /**
   * The same times answered at once, for a provider that needs no service: callers that
   * price trips one by one (suggestions' quick estimate) use it as it is.
   */
  readonly sync?: TravelSource;
  /**
   * The estimate's parameters: the whole answer of a plain estimate (with `sync`: a rank
   * worker rebuilds it from them), the fallback of a road network; calibration compares with them.
   */
  readonly estimate?: EstimateOptions;
}
