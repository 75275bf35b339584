import type { TravelMode } from '../../db/reference/professions.ts';
import {
  type LatLon,
  type TravelMatrices,
  type TravelSource,
  estimateTravel,
} from '../solver-bridge/travel.ts';
import { distinctPoints } from './point-key.ts';
import { tableSource } from './table-source.ts';
import type { TravelOrigin, TravelProvider } from './travel-provider.ts';

/** Where the travel of a plan, repair or ranking came from, as its result reports it. */
export interface TravelReport {
  /** 'osrm' only when every mode asked for came from the road network. */
  source: TravelOrigin;
  /** Why some mode fell back to the estimate ("car: OSRM timed out after 5000 ms"). */
  fallbackReason?: string;
}

export interface PreparedTravel extends TravelReport {
  /** The times, answered synchronously, for every point and mode asked for. */
  travel: TravelSource;
}

/**
 * Fetches from `provider` every matrix a problem over `points` needs (one per mode, points
 * deduplicated), and serves them synchronously to the solver bridge. A provider with its own
 * synchronous source (the estimate) is used as it is: no matrix is computed twice and the
 * results are those of the estimate itself.
 */
export async function prepareTravel(
  provider: TravelProvider,
  points: Iterable<LatLon>,
  modes: Iterable<TravelMode>,
  fallback: TravelSource = provider.sync ?? estimateTravel(provider.estimate),
): Promise<PreparedTravel> {
  if (provider.sync) return { travel: provider.sync, source: 'estimate' };
  const distinct = distinctPoints(points);
  const tables: Partial<Record<TravelMode, TravelMatrices>> = {};
  const reasons: string[] = [];
  let source: TravelOrigin = provider.kind;
  for (const mode of new Set(modes)) {
    const m = await provider.matrix(distinct, mode);
    tables[mode] = m;
    if (m.source === 'estimate') source = 'estimate';
    if (m.fallbackReason) reasons.push(`${mode}: ${m.fallbackReason}`);
  }
  return {
    travel: tableSource(distinct, tables, fallback),
    source,
    ...(reasons.length ? { fallbackReason: reasons.join('; ') } : {}),
  };
}
