import type { Weights } from '../../solver/model/problem-input.ts';
import type { LatLon, TravelSource } from '../solver-bridge/travel.ts';
import { DEFAULT_OVERTIME_MINUTES } from '../solver-bridge/build-problem.ts';
import { liveShiftBreaks } from '../solver-bridge/shift-breaks.ts';
import type { Candidate } from './caregiver-candidates.ts';
import { cheapestPlace } from './insertion-schedule.ts';

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
  // As rankOne's buildProblem has them (its default overtime; breaks in whole seconds).
  const maxShiftEnd = c.shift.endsAt.getTime() + DEFAULT_OVERTIME_MINUTES * 60_000;
  const maxWork = c.shift.maxWorkWithoutBreakMinutes * 60_000 || Number.POSITIVE_INFINITY;
  const breaks = liveShiftBreaks(c.shift, now, depart0).map((b) => ({
    earliest: now + b.earliest * 1000,
    latest: now + b.latest * 1000,
    duration: b.duration * 1000,
  }));
  const e = cheapestPlace(c, target, depart0, trip, w, breaks, maxWork, maxShiftEnd);
  return e === null ? null : e - (c.stops.length + 2) * w.lateness;
}
