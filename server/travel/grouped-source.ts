import type { TravelMode } from '../../db/reference/professions.ts';
import type { LatLon, TravelSource } from '../solver-bridge/travel.ts';
import { pointKey } from './point-key.ts';

/** A source that knows the trips among its own places only. */
export interface TravelGroup {
  places: ReadonlySet<string>;
  travel: TravelSource;
}

/**
 * One source over several groups of places fetched apart (each caregiver's route with the
 * patient, in suggestions: far fewer pairs than every place to every place). A trip or a
 * matrix is answered by the first group that holds all its places, else by `fallback`.
 */
export function groupedSource(
  groups: readonly TravelGroup[],
  fallback: TravelSource,
): TravelSource {
  const holding = (keys: string[]) => groups.find((g) => keys.every((k) => g.places.has(k)));
  return {
    symmetric: false,
    trip(from: LatLon, to: LatLon, mode: TravelMode) {
      const g = holding([pointKey(from), pointKey(to)]);
      const source = g?.travel ?? fallback;
      if (source.trip) return source.trip(from, to, mode);
      const m = source.matrices([from, to], mode);
      return { seconds: m.durations[1], metres: m.distances[1] };
    },
    matrices(points, mode) {
      return (holding(points.map(pointKey))?.travel ?? fallback).matrices(points, mode);
    },
  };
}
