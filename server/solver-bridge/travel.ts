import type { TravelMode } from '../../db/reference/professions.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

/** Row-major travel matrices in whole seconds and metres, length points². */
export interface TravelMatrices {
  durations: Int32Array;
  /** May be the very same array for every mode (straight-line estimates). */
  distances: Int32Array;
}

/**
 * Where travel times come from. The estimate below is the default; an OSRM (road network)
 * source can replace it without the problem builder noticing.
 */
export interface TravelSource {
  matrices(points: readonly LatLon[], mode: TravelMode): TravelMatrices;
  /**
   * One trip, exactly as `matrices` would give it; optional (a road-network source answers
   * tables, not single trips). Suggestions use it to skip caregivers who cannot rank.
   */
  trip?(from: LatLon, to: LatLon, mode: TravelMode): { seconds: number; metres: number };
  /** Whether a trip back costs exactly what the trip there does (roads' one-way streets: no). */
  symmetric?: boolean;
}

export interface ModeSpeed {
  kmh: number;
  /** Fixed cost of a trip: parking and walking in (car), locking (bike), waiting (transit). */
  overheadSeconds: number;
}

export interface EstimateOptions {
  /** Road distance ÷ straight-line distance; about 1.3 in a city. */
  detourFactor: number;
  /** Staff say plans under-estimate travel: every trip is multiplied by this … */
  bufferFactor: number;
  /** … and this is added to every trip between two different places … */
  bufferSeconds: number;
  /** … and no such trip takes less than this (unset: 0). */
  minSeconds?: number;
  modes: Record<TravelMode, ModeSpeed>;
}

export const DEFAULT_ESTIMATE: EstimateOptions = {
  detourFactor: 1.3,
  bufferFactor: 1.1,
  bufferSeconds: 60,
  modes: {
    car: { kmh: 30, overheadSeconds: 240 },
    bike: { kmh: 15, overheadSeconds: 60 },
    walk: { kmh: 4.5, overheadSeconds: 0 },
    transit: { kmh: 18, overheadSeconds: 420 },
  },
};

const EARTH_RADIUS_M = 6_371_008.8;

export function haversineMetres(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Seconds for one trip of `metres` road distance in one mode (0 stays 0: same place, no
 * trip), its constants looked up once: a matrix prices a million trips.
 */
export function tripPricer(mode: TravelMode, o: EstimateOptions): (metres: number) => number {
  const m = o.modes[mode];
  const metresPerSecond = (m.kmh * 1000) / 3600;
  const overhead = m.overheadSeconds;
  const factor = o.bufferFactor;
  const buffer = o.bufferSeconds;
  const min = o.minSeconds ?? 0;
  return (metres) =>
    metres <= 0
      ? 0
      : Math.max(min, Math.round((metres / metresPerSecond + overhead) * factor + buffer));
}

/**
 * Straight-line estimate: haversine × detour factor, then speed per mode plus overheads
 * and a buffer. The distance matrix does not depend on the mode, so it is computed once
 * per point list and shared by every profile (L² entries each: worth sharing).
 */
export function estimateTravel(options: Partial<EstimateOptions> = {}): TravelSource {
  const o: EstimateOptions = { ...DEFAULT_ESTIMATE, ...options };
  const pricers = Object.fromEntries(
    (Object.keys(o.modes) as TravelMode[]).map((mode) => [mode, tripPricer(mode, o)]),
  ) as Record<TravelMode, (metres: number) => number>;
  const distanceCache = new WeakMap<readonly LatLon[], Int32Array>();
  const distancesOf = (points: readonly LatLon[]): Int32Array => {
    const cached = distanceCache.get(points);
    if (cached) return cached;
    const n = points.length;
    const out = new Int32Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const m = Math.round(haversineMetres(points[i], points[j]) * o.detourFactor);
        out[i * n + j] = m;
        out[j * n + i] = m;
      }
    }
    distanceCache.set(points, out);
    return out;
  };
  return {
    // The haversine formula is symmetric to the last bit: a − b is −(b − a), and so on.
    symmetric: true,
    trip(from, to, mode) {
      const metres = Math.round(haversineMetres(from, to) * o.detourFactor);
      return { seconds: pricers[mode](metres), metres };
    },
    matrices(points, mode) {
      const distances = distancesOf(points);
      const durations = new Int32Array(distances.length);
      const price = pricers[mode];
      // Distances are symmetric, so are durations: each pair is priced once.
      const n = points.length;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const seconds = price(distances[i * n + j]);
          durations[i * n + j] = seconds;
          durations[j * n + i] = seconds;
        }
      }
      return { durations, distances };
    },
  };
}
