import { TRAVEL_MODES, type TravelMode } from '../../../db/reference/professions.ts';
import { type EstimateOptions, tripPricer } from '../../solver-bridge/travel.ts';
import { fitLine } from './fit-line.ts';
import type { MeasuredTrip } from './measured-trip.ts';

/** What the measured trips of one municipality and mode say about the estimate. */
export interface CalibrationRow {
  municipality: string;
  mode: TravelMode;
  trips: number;
  meanStraightMetres: number;
  meanMeasuredSeconds: number;
  meanEstimatedSeconds: number;
  /** Σ measured ÷ Σ estimated: above 1, plans under-estimate travel. */
  measuredOverEstimated: number;
  /** measured ≈ intercept + slope × straight-line metres, least squares; null: too few trips. */
  fit: { interceptSeconds: number; secondsPerMetre: number } | null;
  /**
   * The estimate's factors that would put it on the fitted line, each with the others as
   * configured: the line's slope is detour × buffer ÷ speed, its intercept allowance ×
   * buffer + buffer seconds. Null without a fit, or when the fit is not physical (slope ≤ 0).
   */
  proposed: { detourFactor: number; kmh: number; allowanceSeconds: number } | null;
}

export interface CalibrationReport {
  /** The parameters the estimates were computed with. */
  estimate: EstimateOptions;
  minTrips: number;
  rows: CalibrationRow[];
}

/** The estimate's seconds for a trip of `straightMetres` (the solver's own pricing). */
export function estimatedSeconds(straightMetres: number, mode: TravelMode, o: EstimateOptions) {
  return tripPricer(mode, o)(Math.round(straightMetres * o.detourFactor));
}

/**
 * Compares measured trips with the estimate per municipality and mode, and proposes the
 * detour factor, speed and allowance that fit them (a line through measured seconds against
 * straight-line metres). Groups of fewer than `minTrips` trips are reported without a fit:
 * a handful of trips says more about traffic that day than about the roads.
 */
export function calibrate(
  trips: readonly MeasuredTrip[],
  o: EstimateOptions,
  minTrips = 20,
): CalibrationReport {
  const groups = new Map<string, MeasuredTrip[]>();
  for (const t of trips) {
    const key = `${t.municipality}|${t.mode}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const rows: CalibrationRow[] = [];
  for (const group of groups.values()) {
    const { municipality, mode } = group[0];
    const n = group.length;
    const measured = group.reduce((s, t) => s + t.measuredSeconds, 0);
    const estimated = group.reduce((s, t) => s + estimatedSeconds(t.straightMetres, mode, o), 0);
    const line =
      n >= minTrips
        ? fitLine(group.map((t) => ({ x: t.straightMetres, y: t.measuredSeconds })))
        : null;
    rows.push({
      municipality,
      mode,
      trips: n,
      meanStraightMetres: round(group.reduce((s, t) => s + t.straightMetres, 0) / n, 0),
      meanMeasuredSeconds: round(measured / n, 0),
      meanEstimatedSeconds: round(estimated / n, 0),
      measuredOverEstimated: round(measured / estimated, 3),
      fit: line && {
        interceptSeconds: round(line.intercept, 1),
        secondsPerMetre: round(line.slope, 5),
      },
      proposed: line && line.slope > 0 ? propose(line, mode, o) : null,
    });
  }
  rows.sort(
    (a, b) =>
      a.municipality.localeCompare(b.municipality) ||
      TRAVEL_MODES.indexOf(a.mode) - TRAVEL_MODES.indexOf(b.mode),
  );
  return { estimate: o, minTrips, rows };
}

/** slope = detour × buffer ÷ (km/h ÷ 3.6); intercept = allowance × buffer + buffer seconds. */
function propose(line: { intercept: number; slope: number }, mode: TravelMode, o: EstimateOptions) {
  const metresPerSecond = o.modes[mode].kmh / 3.6;
  return {
    detourFactor: round((line.slope * metresPerSecond) / o.bufferFactor, 3),
    kmh: round(((o.detourFactor * o.bufferFactor) / line.slope) * 3.6, 1),
    allowanceSeconds: Math.max(0, Math.round((line.intercept - o.bufferSeconds) / o.bufferFactor)),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
