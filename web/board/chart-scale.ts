/**
 * The numbers behind a small trend chart: a y axis from 0 (or the lowest value, when it is
 * below 0) to a round maximum with 3-5 round ticks, and where each point and bar goes in an
 * SVG box. Kept apart from the drawing so that it is tested in Node.
 */
import type { SeriesPoint } from './trend-series.ts';

export interface Box {
  width: number;
  height: number;
  /** Room left of the plot for the tick labels, and below for the first and last key. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** A round step (1, 2 or 5 × 10^n) that splits `span` into at most `most` parts. */
export function niceStep(span: number, most = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / most;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12)!;
  return step;
}

/**
 * The y scale of the values: from 0 up (bars and shares read against zero), the top rounded up
 * to a tick. `ceiling` caps it (a share never needs more than 1). All null or all 0: 0 to 1.
 */
export function yScale(
  values: readonly (number | null)[],
  ceiling?: number,
  /** Counts: whole-number ticks only (no "0,5 besök"). */
  whole = false,
): Scale {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(0, ...present);
  let hi = Math.max(0, ...present);
  if (hi === lo) hi = lo + (ceiling !== undefined ? Math.min(1, ceiling) : whole ? 2 : 1);
  const step = whole ? Math.max(1, niceStep(hi - lo)) : niceStep(hi - lo);
  let max = Math.ceil(hi / step - 1e-9) * step;
  const min = Math.floor(lo / step + 1e-9) * step;
  if (ceiling !== undefined && max > ceiling && hi <= ceiling) max = ceiling;
  const ticks: number[] = [];
  for (let v = min; v <= max + step * 1e-6; v += step) ticks.push(round(v));
  if (ticks.at(-1)! < max) ticks.push(round(max));
  return { min, max, ticks };
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** The plot area's y of a value (top is max). */
export function yOf(value: number, scale: Scale, box: Box): number {
  const h = box.height - box.top - box.bottom;
  const span = scale.max - scale.min || 1;
  return box.top + ((scale.max - value) / span) * h;
}

/** The centre x of the i-th of n slots across the plot. */
export function xOf(i: number, n: number, box: Box): number {
  const w = box.width - box.left - box.right;
  return box.left + ((i + 0.5) / Math.max(n, 1)) * w;
}

/** Width of one bar: 70 % of a slot, at least 1. */
export function barWidth(n: number, box: Box): number {
  return Math.max(1, ((box.width - box.left - box.right) / Math.max(n, 1)) * 0.7);
}

/**
 * The line's segments as "x,y x,y" strings: a day with no value breaks the line rather than
 * drawing a false slope across it; a lone point is a segment of one (drawn as a dot).
 */
export function lineSegments(points: readonly SeriesPoint[], scale: Scale, box: Box): string[] {
  const out: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) out.push(run.join(' '));
      run = [];
      return;
    }
    const x = Math.round(xOf(i, points.length, box) * 10) / 10;
    const y = Math.round(yOf(p.value, scale, box) * 10) / 10;
    run.push(`${x},${y}`);
  });
  if (run.length) out.push(run.join(' '));
  return out;
}
