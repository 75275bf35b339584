import type { Weights } from '../../solver/model/problem-input.ts';
import type { LatLon, TravelSource } from '../solver-bridge/travel.ts';
import { shiftBreaks } from '../solver-bridge/shift-breaks.ts';
import type { Candidate } from './caregiver-candidates.ts';
import { type BreakMs, cheapestPlace } from './insertion-schedule.ts';
import { OVERTIME_MS } from './staff-checks.ts';

/** The visit to place, in milliseconds since the epoch. */
export interface EstimateTarget {
  place: LatLon;
  earliest: number;
  latest: number;
  hard: boolean;
  durationMs: number;
}

type Trip = Required<Pick<TravelSource, 'trip'>>['trip'];

/**
 * A quick estimate of the cheapest insertion into a caregiver's route: `cheapestPlace` with
 * the shift's breaks still due, less an allowance for the solver's whole seconds (half a
 * second of lateness per visit either way), so it stays a lower bound of the exact cost.
 * Null when the solver would refuse every place. It orders caregivers for the exact
 * evaluation, and spares it those who cannot take the visit; it is not the answer.
 */
export function estimateInsertion(
  c: Candidate,
  target: EstimateTarget,
  now: number,
  trip: Trip,
  w: Weights,
): number | null {
  const depart0 = Math.max(now, c.shift.startsAt.getTime(), c.busyUntil?.getTime() ?? now);
  const maxShiftEnd = c.shift.endsAt.getTime() + OVERTIME_MS;
  const maxWork = c.shift.maxWorkWithoutBreakMinutes * 60_000 || Number.POSITIVE_INFINITY;
  const breaks = breaksLeft(c, now, depart0);
  const e = cheapestPlace(c, target, depart0, trip, w, breaks, maxWork, maxShiftEnd);
  return e === null ? null : e - (c.stops.length + 2) * w.lateness;
}

/**
 * The breaks of the caregiver's shift still to take, as buildProblem gives them to the solver
 * (in whole seconds from `now`, the shift cut at `now`), in ms since the epoch.
 */
function breaksLeft(c: Candidate, now: number, depart0: number): BreakMs[] {
  if (c.shift.breakMinutes <= 0) return [];
  const sec = (ms: number) => Math.max(0, Math.round((ms - now) / 1000));
  return shiftBreaks(
    sec(c.shift.startsAt.getTime()),
    sec(c.shift.endsAt.getTime()),
    c.shift.breakMinutes * 60,
    c.shift.maxWorkWithoutBreakMinutes * 60,
    sec(depart0),
  ).map((b) => ({
    earliest: now + b.earliest * 1000,
    latest: now + b.latest * 1000,
    duration: b.duration * 1000,
  }));
}
