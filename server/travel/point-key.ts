import type { LatLon } from '../solver-bridge/travel.ts';

/** A point's identity to about a metre (5 decimals): the same address twice is one point. */
export function pointKey(p: LatLon): string {
  return `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`;
}

/** The distinct points of a list, in first-seen order. */
export function distinctPoints(points: Iterable<LatLon>): LatLon[] {
  const seen = new Map<string, LatLon>();
  for (const p of points) {
    const key = pointKey(p);
    if (!seen.has(key)) seen.set(key, { lat: p.lat, lon: p.lon });
  }
  return [...seen.values()];
}
