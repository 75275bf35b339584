import type { Weights } from '../solver-bridge/problem-rows.ts';
import type { TravelSource } from '../solver-bridge/travel.ts';
import { DEFAULT_OVERTIME_MINUTES } from '../solver-bridge/build-problem.ts';
import { liveShiftBreaks } from '../solver-bridge/shift-breaks.ts';
import type { Candidate } from './caregiver-candidates.ts';
import {
  type EstimateTarget,
  type RouteRules,
  cheapestPlace,
  currentRoute,
} from './insertion-schedule.ts';

// Defined beside cheapestPlace, which takes it; exported here for the estimate's callers.
export type { EstimateTarget };

type Trip = Required<Pick<TravelSource, 'trip'>>['trip'];

/**
 * A quick estimate of the cheapest insertion into a caregiver's route: `cheapestPlace` with
 * the shift's breaks still due, less an allowance for the solver's whole seconds (half a
 * second of lateness per visit either way), so it stays a lower bound of the exact cost.
 * Null when the solver would refuse every place. A route already breaking a hard time rule is
 * priced by what the visit adds to it (BROKEN_RULE_WEIGHT), not refused. It orders caregivers
 * for the exact evaluation, and spares it those who cannot take the visit; it is not the answer.
 */
export function estimateInsertion(
  c: Candidate,
  target: EstimateTarget,
  now: number,
  trip: Trip,
  w: Weights,
  /** Trips back cost exactly what trips there do. */
  symmetric = false,
): number | null {
  const e = cheapestPlace(c, target, routeRules(c, now), trip, w, symmetric);
  return e === null ? null : e - allowance(c, w);
}

/**
 * A lower bound of estimateInsertion that costs one pass over the route, for a caregiver who
 * cannot be there before the visit's window ends (their shift starts later, or they are busy):
 * the visit's own lateness from their first free moment, less all the lateness and overtime
 * their route has now (which a detour could at most take away; it usually adds to it). The
 * detour itself is taken as free: trips obey the triangle inequality, up to their rounding to
 * whole seconds and metres. -Infinity when they could be there in time (no bound worth the
 * pass); null when the estimate is null for sure.
 */
export function estimateBound(
  c: Candidate,
  target: EstimateTarget,
  now: number,
  trip: Trip,
  w: Weights,
): number | null {
  const r = routeRules(c, now);
  // Not done by the shift's end with its overtime, wherever it goes (cheapestPlace's rule).
  if (r.depart0 + target.durationMs > r.maxShiftEnd + VIOL_SLACK_MS) return null;
  if (r.depart0 <= target.latest) return Number.NEGATIVE_INFINITY;
  if (target.hard) return null; // every place starts it after its window
  const route = currentRoute(c, r, trip, w);
  if (route === null) return null;
  const ownLateness = (w.lateness * (r.depart0 - target.latest)) / 1000;
  return (
    ownLateness - route.lateness - ROUNDING_SLACK * (w.travelTime + w.distance) - allowance(c, w)
  );
}

/** As the solver's estimate: ms of violation its ms clock may find where whole seconds do not. */
const VIOL_SLACK_MS = 2000;

/** Seconds (and metres) by which a detour's rounded trips may fall short of the direct one. */
const ROUNDING_SLACK = 4;

/** For the solver's whole seconds: half a second of lateness per visit either way. */
function allowance(c: Candidate, w: Weights): number {
  return (c.stops.length + 2) * w.lateness;
}

/**
 * What a second of breaking a hard time rule (a break missed, too long without one, home past
 * the overtime allowed) costs a suggestion: four seconds of lateness. On a day going badly a
 * route may break one already; the ranking prices what a detour adds to it (rankInsertions'
 * RankRules), so such a caregiver is still suggested, after those whose day stays lawful.
 */
export const BROKEN_RULE_WEIGHT = 20;

function routeRules(c: Candidate, now: number): RouteRules {
  const depart0 = Math.max(now, c.shift.startsAt.getTime(), c.busyUntil?.getTime() ?? now);
  // As rankOne's buildProblem has them (its default overtime; breaks in whole seconds).
  const maxShiftEnd = c.shift.endsAt.getTime() + DEFAULT_OVERTIME_MINUTES * 60_000;
  const maxWork = c.shift.maxWorkWithoutBreakMinutes * 60_000 || Number.POSITIVE_INFINITY;
  const breaks = liveShiftBreaks(c.shift, now, depart0).map((b) => ({
    earliest: now + b.earliest * 1000,
    latest: now + b.latest * 1000,
    duration: b.duration * 1000,
  }));
  return {
    depart0,
    breaks,
    maxWork,
    maxShiftEnd,
    brokenRuleWeight: BROKEN_RULE_WEIGHT,
    // The solver's whole seconds: each term of violation (a break's window and stretch, the
    // last stretch, the shift's end) off by up to a second, in the route before and after.
    violationSlackMs: (2 + breaks.length) * 2000,
  };
}
