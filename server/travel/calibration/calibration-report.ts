import { DateTime } from 'luxon';
import type { Db } from '../../../db/client.ts';
import { ZONE, localDayBounds } from '../../domain/stockholm-time.ts';
import type { EstimateOptions } from '../../solver-bridge/travel.ts';
import { type CalibrationReport, calibrate } from './calibrate.ts';
import { loadMeasuredTrips } from './load-measured-trips.ts';

export interface CalibrationQuery {
  /** One municipality, else all. */
  municipality?: string;
  /** First and last Stockholm day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  minTrips?: number;
}

/** Days looked back by default: four weeks, every weekday four times. */
export const DEFAULT_CALIBRATION_DAYS = 28;

/** The default period: the DEFAULT_CALIBRATION_DAYS days up to and including today. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const today = DateTime.fromJSDate(now, { zone: ZONE });
  return {
    from: today.minus({ days: DEFAULT_CALIBRATION_DAYS - 1 }).toISODate()!,
    to: today.toISODate()!,
  };
}

/** The calibration report of the trips measured in a period (see calibrate). */
export async function calibrationReport(
  db: Db,
  q: CalibrationQuery,
  estimate: EstimateOptions,
): Promise<CalibrationReport & CalibrationQuery> {
  const trips = await loadMeasuredTrips(db, {
    municipality: q.municipality,
    from: localDayBounds(q.from).start,
    to: localDayBounds(q.to).end,
  });
  return { ...q, ...calibrate(trips, estimate, q.minTrips) };
}
