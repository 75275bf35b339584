import { describe, expect, it } from 'vitest';
import { type Outline, project } from '../../../web/board/map-projection.ts';

/** A square of `side` degrees with its south-west corner at lon, lat. */
const square = (code: string, lon: number, lat: number, side: number): Outline => ({
  code,
  name: code,
  polygons: [
    [
      [
        [lon, lat],
        [lon + side, lat],
        [lon + side, lat + side],
        [lon, lat + side],
        [lon, lat],
      ],
    ],
  ],
});

describe('the county outlines as SVG paths', () => {
  const shapes = project([square('S', 18, 59, 1), square('N', 18, 60, 1)], 200, 400, 0);

  it('puts north up and keeps every point inside the box', () => {
    const ys = (d: string) => [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[2]));
    const xs = (d: string) => [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys(shapes[1]!.d))).toBeLessThanOrEqual(Math.min(...ys(shapes[0]!.d)));
    const all = shapes.flatMap((s) => [...xs(s.d), ...ys(s.d)]);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...shapes.flatMap((s) => xs(s.d)))).toBeLessThanOrEqual(200);
    expect(Math.max(...shapes.flatMap((s) => ys(s.d)))).toBeLessThanOrEqual(400);
  });

  it('shrinks longitude by the cosine of the latitude, so a degree east is shorter than north', () => {
    const xs = [...shapes[0]!.d.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    const width = Math.max(...xs) - Math.min(...xs);
    // Two squares stacked fill the 400 height: a degree north is 200, a degree east 200·cos(60°).
    expect(width).toBeCloseTo(200 * Math.cos((60 * Math.PI) / 180), 0);
    expect(shapes[0]!.size).toBeCloseTo(width, 0);
  });

  it("labels each municipality at its largest part's centre", () => {
    expect(shapes[0]!.label[1]).toBeCloseTo(300, 0);
    expect(shapes[1]!.label[1]).toBeCloseTo(100, 0);
  });
});
