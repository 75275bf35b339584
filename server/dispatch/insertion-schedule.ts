import {
  type CurrentRoute,
  type EstimateRoute,
  type RouteRules,
  type RouteTrips,
  type TripCost,
  cheapestPlace as cheapestPlaceInRoute,
  currentRoute as currentRouteOf,
} from '../../solver/insertion/estimate-insertion.ts';
import type { Weights } from '../../solver/model/problem-input.ts';
import type { TravelMode } from '../../db/reference/professions.ts';
import type { RouteStop } from '../live-state/municipality-state.ts';
import type { TravelSource } from '../solver-bridge/travel.ts';
import type { Candidate } from './caregiver-candidates.ts';
import type { EstimateTarget } from './insertion-estimate.ts';

export type {
  BreakMs,
  CurrentRoute,
  RouteRules,
} from '../../solver/insertion/estimate-insertion.ts';

type Trip = Required<Pick<TravelSource, 'trip'>>['trip'];

/**
 * A caregiver's route for the solver's quick estimate (solver/insertion/estimate-insertion.ts,
 * which simulates and prices it): a two-person visit keeps its planned start, the others
 * their window.
 */
function routeOf(c: Candidate): EstimateRoute {
  const stops = c.stops;
  return {
    size: stops.length,
    earliest: (j) => (stops[j].staffCount < 2 ? stops[j].windowStart : stops[j].plannedStart),
    latest: (j) => (stops[j].staffCount < 2 ? stops[j].windowEnd : stops[j].plannedStart),
    durationMs: (j) => stops[j].durationMs,
    shiftEnd: c.shift.endsAt.getTime(),
  };
}

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

/** The candidate's trips; with `symmetric`, the way back from the target is the way there. */
function tripsOf(
  c: Candidate,
  target: EstimateTarget | null,
  trip: Trip,
  symmetric: boolean,
): RouteTrips {
  const mode = c.member.travelMode;
  const n = c.stops.length;
  let back: TripCost | null = null;
  let backTo = -1;
  return {
    leg: (j) =>
      j === 0
        ? trip(c.start, j === n ? c.member.base : c.places[0], mode)
        : j === n
          ? trip(c.places[n - 1], c.member.base, mode)
          : legBetween(c.stops[j - 1], c.stops[j], mode, trip),
    toTarget: (i) =>
      i > 0 && backTo === i - 1 && back !== null
        ? back
        : trip(i === 0 ? c.start : c.places[i - 1], target!.place, mode),
    fromTarget: (j) => {
      const t = trip(target!.place, j === n ? c.member.base : c.places[j], mode);
      if (symmetric && j < n) {
        back = t;
        backTo = j;
      }
      return t;
    },
  };
}

/** The caregiver's route as it stands, simulated from `depart0` (see the solver's currentRoute). */
export function currentRoute(
  c: Candidate,
  rules: RouteRules,
  trip: Trip,
  w: Weights,
): CurrentRoute | null {
  return currentRouteOf(routeOf(c), rules, tripsOf(c, null, trip, false), w);
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
  return cheapestPlaceInRoute(routeOf(c), target, rules, tripsOf(c, target, trip, symmetric), w);
}
