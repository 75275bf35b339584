/**
 * The county's outlines as SVG paths: longitude scaled by the cosine of the county's middle
 * latitude (so Stockholm is not squashed), fitted into a box with north up, and for each
 * municipality a point inside its largest part to write its class number on.
 */
export type Ring = readonly (readonly [number, number])[];
export interface Outline {
  code: string;
  name: string;
  /** MultiPolygon coordinates: polygons of rings of [lon, lat]. */
  polygons: readonly (readonly Ring[])[];
}

export interface Projected {
  code: string;
  name: string;
  d: string;
  label: [number, number];
  /** The smaller side of the largest part's bounding box, in the box's units. */
  size: number;
}

/** Area of a ring (shoelace), in the ring's own units. */
function area(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(a / 2);
}

/** The centroid of a ring (a polygon's balance point), for the label. */
function centroid(ring: Ring): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    a += f;
    cx += (ring[j]![0] + ring[i]![0]) * f;
    cy += (ring[j]![1] + ring[i]![1]) * f;
  }
  if (a === 0) return [ring[0]![0], ring[0]![1]];
  return [cx / (3 * a), cy / (3 * a)];
}

export function project(
  outlines: readonly Outline[],
  width: number,
  height: number,
  pad = 4,
): Projected[] {
  const all = outlines.flatMap((o) => o.polygons.flatMap((p) => p.flatMap((r) => r)));
  if (all.length === 0) return [];
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * k || 1;
  const spanY = maxLat - minLat || 1;
  const s = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const ox = (width - spanX * s) / 2;
  const oy = (height - spanY * s) / 2;
  const xy = (p: readonly [number, number]): [number, number] => [
    Math.round((ox + (p[0] - minLon) * k * s) * 10) / 10,
    Math.round((oy + (maxLat - p[1]) * s) * 10) / 10,
  ];
  return outlines.map((o) => {
    const d = o.polygons
      .flatMap((poly) => poly.map((ring) => `M${ring.map((p) => xy(p).join(',')).join('L')}Z`))
      .join('');
    const outer = o.polygons.map((poly) => poly[0]!).filter(Boolean);
    const largest = outer.reduce((a, b) => (area(b) > area(a) ? b : a));
    const corners = largest.map(xy);
    const side = (i: 0 | 1) =>
      Math.max(...corners.map((p) => p[i])) - Math.min(...corners.map((p) => p[i]));
    const size = Math.min(side(0), side(1));
    return { code: o.code, name: o.name, d, label: xy(centroid(largest)), size };
  });
}
