import type { TravelMode } from '../../db/reference/professions.ts';
import type { LatLon, TravelMatrices, TravelSource } from '../solver-bridge/travel.ts';
import { pointKey } from './point-key.ts';

/**
 * A synchronous source over matrices fetched beforehand for `points` (one per mode), so the
 * solver bridge and the ranking read road-network times as they read the estimate. A point
 * or mode not fetched is priced by `fallback` (it should not happen: the caller fetched
 * every point of its problem), so a gap costs accuracy, never an error.
 */
export function tableSource(
  points: readonly LatLon[],
  tables: Partial<Record<TravelMode, TravelMatrices>>,
  fallback: TravelSource,
): TravelSource {
  const index = new Map(points.map((p, i) => [pointKey(p), i]));
  const n = points.length;
  const trip = (from: LatLon, to: LatLon, mode: TravelMode) => {
    const t = tables[mode];
    const i = index.get(pointKey(from));
    const j = index.get(pointKey(to));
    if (!t || i === undefined || j === undefined) {
      return fallback.trip?.(from, to, mode) ?? oneTrip(fallback, from, to, mode);
    }
    return { seconds: t.durations[i * n + j], metres: t.distances[i * n + j] };
  };
  return {
    // Roads have one-way streets: there and back may differ.
    symmetric: false,
    trip,
    matrices(pts, mode) {
      const m = pts.length;
      const t = tables[mode];
      // Each point looked up once: a day's problem has millions of pairs.
      const at = pts.map((p) => (t ? (index.get(pointKey(p)) ?? -1) : -1));
      const durations = new Int32Array(m * m);
      const distances = new Int32Array(m * m);
      for (let a = 0; a < m; a++) {
        for (let b = 0; b < m; b++) {
          if (a === b) continue;
          const i = at[a];
          const j = at[b];
          if (t && i >= 0 && j >= 0) {
            durations[a * m + b] = t.durations[i * n + j];
            distances[a * m + b] = t.distances[i * n + j];
          } else {
            const one = trip(pts[a], pts[b], mode);
            durations[a * m + b] = one.seconds;
            distances[a * m + b] = one.metres;
          }
        }
      }
      return { durations, distances };
    },
  };
}

function oneTrip(source: TravelSource, from: LatLon, to: LatLon, mode: TravelMode) {
  const { durations, distances } = source.matrices([from, to], mode);
  return { seconds: durations[1], metres: distances[1] };
}
