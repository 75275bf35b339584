/**
 * The 26 municipalities' outlines, the same file the console's map draws (fetched from our own
 * origin once, on demand, so it stays out of the JavaScript).
 */
import boundariesUrl from '../console/map/municipality-boundaries.geojson?url';
import type { Outline } from './map-projection.ts';

interface Feature {
  properties: { code: string; name: string };
  geometry: { type: 'MultiPolygon'; coordinates: Outline['polygons'] };
}

let outlines: Promise<Outline[]> | null = null;

export function readOutlines(): Promise<Outline[]> {
  outlines ??= fetch(boundariesUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`boundaries: ${r.status}`);
      return r.json() as Promise<{ features: Feature[] }>;
    })
    .then((fc) =>
      fc.features.map((f) => ({
        code: f.properties.code,
        name: f.properties.name,
        polygons: f.geometry.coordinates,
      })),
    );
  outlines.catch(() => (outlines = null)); // a failed fetch is tried again next time
  return outlines;
}
