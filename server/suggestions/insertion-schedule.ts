import {
  type CurrentRoute,
  type EstimateRoute,
  type RouteRules,
  type EstimateTarget as SolverTarget,
  type RouteTrips,
  type TripCost,
  cheapestPlace as cheapestPlaceInRoute,
  currentRoute as currentRouteOf,
} from '../../solver/insertion/estimate-insertion.ts';
import type { Weights } from '../../solver/model/problem-input.ts';
import type { TravelMode } from '../../db/reference/professions.ts';
import type { RouteStop } from '../live-state/municipality-state.ts';
import type { LatLon, TravelSource } from '../solver-bridge/travel.ts';
import type { Candidate } from './caregiver-candidates.ts';

export type {
  BreakMs,
  CurrentRoute,
  RouteRules,
} from '../../solver/insertion/estimate-insertion.ts';

type Trip = Required<Pick<TravelSource, 'trip'>>['trip'];

/** The visit to place (ms since the epoch) and where it is. */
export interface EstimateTarget extends SolverTarget {
  place: LatLon;
}

/**
 * A candidate's route and trips as the solver's quick estimate reads them
 * (solver/insertion/estimate-insertion.ts, which simulates and prices the route): a
 * two-person visit keeps its planned start, the others their window; with `symmetric` the
 * way back from the target is the way there. One instance is reset per call: the estimate
 * runs for most caregivers on shift on every suggestion, so nothing is allocated per call.
 */
class CandidateRoute implements EstimateRoute, RouteTrips {
  private c!: Candidate;
  private target: EstimateTarget | null = null;
  private trip!: Trip;
  private symmetric = false;
  private back: TripCost | null = null;
  private backTo = -1;
  size = 0;
  shiftEnd = 0;

  reset(c: Candidate, target: EstimateTarget | null, trip: Trip, symmetric: boolean): this {
    this.c = c;
    this.target = target;
    this.trip = trip;
    this.symmetric = symmetric;
    this.back = null;
    this.backTo = -1;
    this.size = c.stops.length;
    this.shiftEnd = c.shift.endsAt.getTime();
    return this;
  }

  earliest(j: number): number {
    const s = this.c.stops[j];
    return s.staffCount < 2 ? s.windowStart : s.plannedStart;
  }

  latest(j: number): number {
    const s = this.c.stops[j];
    return s.staffCount < 2 ? s.windowEnd : s.plannedStart;
  }

  durationMs(j: number): number {
    return this.c.stops[j].durationMs;
  }

  leg(j: number): TripCost {
    const c = this.c;
    const mode = c.member.travelMode;
    if (j === this.size) return this.trip(c.places[j - 1], c.member.base, mode);
    if (j === 0) return this.trip(c.start, c.places[0], mode);
    return legBetween(c.stops[j - 1], c.stops[j], mode, this.trip);
  }

  toTarget(i: number): TripCost {
    if (i > 0 && this.backTo === i - 1 && this.back !== null) return this.back;
    const c = this.c;
    return this.trip(i === 0 ? c.start : c.places[i - 1], this.target!.place, c.member.travelMode);
  }

  fromTarget(j: number): TripCost {
    const c = this.c;
    const to = j === this.size ? c.member.base : c.places[j];
    const t = this.trip(this.target!.place, to, c.member.travelMode);
    if (this.symmetric && j < this.size) {
      this.back = t;
      this.backTo = j;
    }
    return t;
  }
}
const candidateRoute = new CandidateRoute();

/**
 * The trip between two consecutive stops of a route, kept until the route changes (its
 * stops are new objects then): it is the same for every urgent call meanwhile.
 */
const legs = new WeakMap<RouteStop, { to: RouteStop; mode: string; trip: TripCost }>();
function legBetween(from: RouteStop, to: RouteStop, mode: TravelMode, trip: Trip): TripCost {
  const known = legs.get(from);
  if (known && known.to === to && known.mode === mode) return known.trip;
  const t = trip(from.place!, to.place!, mode);
  legs.set(from, { to, mode, trip: t });
  return t;
}

/** The caregiver's route as it stands, simulated from `depart0` (see the solver's currentRoute). */
export function currentRoute(
  c: Candidate,
  rules: RouteRules,
  trip: Trip,
  w: Weights,
): CurrentRoute | null {
  const route = candidateRoute.reset(c, null, trip, false);
  return currentRouteOf(route, rules, route, w);
}

/** The cheapest place for the target in a caregiver's route (see the solver's cheapestPlace). */
export function cheapestPlace(
  c: Candidate,
  target: EstimateTarget,
  rules: RouteRules,
  trip: Trip,
  w: Weights,
  /** Trips back cost what trips there do: the way from a stop to the target is the way back. */
  symmetric = false,
): number | null {
  const route = candidateRoute.reset(c, target, trip, symmetric);
  return cheapestPlaceInRoute(route, target, rules, route, w);
}
