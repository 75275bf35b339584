import type { Weights } from '../../solver/model/problem-input.ts';
import type { TravelMode } from '../../db/reference/professions.ts';
import type { RouteStop } from '../live-state/municipality-state.ts';
import type { LatLon, TravelSource } from '../solver-bridge/travel.ts';
import type { Candidate } from './caregiver-candidates.ts';

type Trip = Required<Pick<TravelSource, 'trip'>>['trip'];
interface TripCost {
  seconds: number;
  metres: number;
}

/** The visit to place, in milliseconds since the epoch. */
export interface EstimateTarget {
  place: LatLon;
  earliest: number;
  latest: number;
  hard: boolean;
  durationMs: number;
}

/** A break still to take, in ms since the epoch. */
export interface BreakMs {
  earliest: number;
  latest: number;
  duration: number;
}

/** What of a caregiver's shift the schedule obeys, in ms since the epoch. */
export interface RouteRules {
  /** The caregiver's first free moment. */
  depart0: number;
  breaks: BreakMs[];
  /** Longest stretch of work without a break. */
  maxWork: number;
  /** The shift's end with the overtime the solver allows. */
  maxShiftEnd: number;
}

/** Where the forward schedule stands between two visits. */
interface Clock {
  /** When the caregiver is free to leave (the end of the last visit or break). */
  t: number;
  /** Start of the current stretch of work (for the limit on work without a break). */
  stretch: number;
  /** Breaks taken so far. */
  bi: number;
  /** No visit served yet. */
  first: boolean;
  /** Ms by which the solver's hard time rules are broken (break window, work stretch, shift). */
  viol: number;
}

/** Ms of violation the estimate overlooks: its times are in ms, the solver's whole seconds. */
const VIOL_SLACK_MS = 2000;

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

/** The route as it stands, priced from `depart0` (see currentRoute). */
export interface CurrentRoute {
  /** Travel, lateness, the way home and overtime (0 for an empty route: it goes nowhere). */
  cost: number;
  /** The part of it that is lateness and overtime: what a detour could at most take away. */
  lateness: number;
}

/**
 * The caregiver's route as it stands, simulated forward from `depart0` by the solver's own
 * rules (RouteSimulator): starts as early as possible, breaks placed greedily (into a wait
 * that holds them, or before a visit that would otherwise end past the break's window or the
 * work-stretch limit), the stretch of work counted from the departure. Null when it breaks a
 * hard time rule already (a break out of its window, too long without one, home past
 * `maxShiftEnd`): the solver refuses every place then, since adding a visit only delays the
 * rest. Leaves the schedule in the scratch arrays, for cheapestPlace.
 */
export function currentRoute(
  c: Candidate,
  rules: RouteRules,
  trip: Trip,
  w: Weights,
): CurrentRoute | null {
  const { depart0, breaks, maxWork, maxShiftEnd } = rules;
  // Scratch arrays and one clock, no objects per stop: this runs for most caregivers on
  // shift on every suggestion.
  const mode = c.member.travelMode;
  const n = c.stops.length;
  const earliest = scratch(0, n);
  const latest = scratch(1, n);
  const legMs = scratch(2, n);
  const legCost = scratch(3, n);
  // The old schedule: the clock before each stop (and after the last), the cost (arcs and
  // lateness) of the stops before it.
  const tAt = scratch(4, n + 1);
  const stretchAt = scratch(5, n + 1);
  const biAt = scratch(6, n + 1);
  const costTo = scratch(7, n + 1);
  const k = clock;
  k.t = k.stretch = depart0;
  k.bi = 0;
  k.first = true;
  k.viol = 0;
  costTo[0] = 0;
  let lateness = 0;
  for (let j = 0; j < n; j++) {
    const s = c.stops[j];
    earliest[j] = s.staffCount < 2 ? s.windowStart : s.plannedStart;
    latest[j] = s.staffCount < 2 ? s.windowEnd : s.plannedStart;
    const l =
      j === 0 ? trip(c.start, c.places[0], mode) : legBetween(c.stops[j - 1], s, mode, trip);
    legMs[j] = l.seconds * 1000;
    legCost[j] = arcCost(w, l);
    tAt[j] = k.t;
    stretchAt[j] = k.stretch;
    biAt[j] = k.bi;
    const start = step(k, legMs[j], earliest[j], s.durationMs, breaks, maxWork, depart0);
    const lateCost = late(w, start, latest[j]);
    lateness += lateCost;
    costTo[j + 1] = costTo[j] + legCost[j] + lateCost;
  }
  tAt[n] = k.t;
  stretchAt[n] = k.stretch;
  biAt[n] = k.bi;
  if (n === 0) return { cost: 0, lateness: 0 };
  const home = trip(c.places[n - 1], c.member.base, mode);
  const over = overtime(w, finish(k, home, breaks, maxWork, maxShiftEnd), c.shift.endsAt.getTime());
  if (k.viol > VIOL_SLACK_MS) return null;
  return { cost: costTo[n] + arcCost(w, home) + over, lateness: lateness + over };
}

/**
 * The cheapest place for the target in a caregiver's route, priced as the solver prices it
 * (travel, lateness of every visit, overtime; continuity is the caller's), on the route as
 * currentRoute simulates it. Each place is simulated from there until the schedule meets the
 * old one again, so a long route costs little more. Null when the solver would refuse every
 * place: the target's hard window missed, or a hard time rule broken — also when the route
 * breaks one already. Times are in ms, the solver's in whole seconds: the caller allows for
 * the difference.
 */
export function cheapestPlace(
  c: Candidate,
  target: EstimateTarget,
  rules: RouteRules,
  trip: Trip,
  w: Weights,
  /** Trips back cost what trips there do: the way from a stop to the target is the way back. */
  symmetric = false,
): number | null {
  const route = currentRoute(c, rules, trip, w);
  if (route === null) return null;
  const { depart0, breaks, maxWork, maxShiftEnd } = rules;
  const oldEnd = route.cost;
  const mode = c.member.travelMode;
  const n = c.stops.length;
  const shiftEnd = c.shift.endsAt.getTime();
  const earliest = buffers[0];
  const latest = buffers[1];
  const legMs = buffers[2];
  const legCost = buffers[3];
  const tAt = buffers[4];
  const stretchAt = buffers[5];
  const biAt = buffers[6];
  const costTo = buffers[7];
  const k = clock;

  let best: number | null = null;
  let back: TripCost | null = null; // from the target to the stop before the next place
  for (let i = 0; i <= n; i++) {
    k.t = tAt[i];
    k.stretch = stretchAt[i];
    k.bi = biAt[i];
    k.first = i === 0;
    k.viol = 0;
    const into =
      i > 0 && back !== null ? back : trip(i === 0 ? c.start : c.places[i - 1], target.place, mode);
    back = null;
    const xStart = step(
      k,
      into.seconds * 1000,
      target.earliest,
      target.durationMs,
      breaks,
      maxWork,
      depart0,
    );
    if (target.hard && xStart > target.latest) continue;
    let cost = arcCost(w, into) + late(w, xStart, target.latest);
    let j = i;
    let met = false;
    for (; j < n; j++) {
      let ms = legMs[j];
      if (j === i) {
        const l = trip(target.place, c.places[j], mode);
        if (symmetric) back = l;
        ms = l.seconds * 1000;
        cost += arcCost(w, l);
      } else cost += legCost[j];
      const start = step(k, ms, earliest[j], c.stops[j].durationMs, breaks, maxWork, depart0);
      cost += late(w, start, latest[j]);
      if (k.t === tAt[j + 1] && k.bi === biAt[j + 1] && k.stretch === stretchAt[j + 1]) {
        met = true; // the rest of the route runs as it did
        break;
      }
    }
    let total: number;
    if (met) total = cost - (costTo[j + 1] - costTo[i]);
    else {
      const home = trip(i === n ? target.place : c.places[n - 1], c.member.base, mode);
      const arrival = finish(k, home, breaks, maxWork, maxShiftEnd);
      total = cost + arcCost(w, home) + overtime(w, arrival, shiftEnd) - (oldEnd - costTo[i]);
    }
    if (k.viol > VIOL_SLACK_MS) continue; // the solver refuses this place
    if (best === null || total < best) best = total;
  }
  return best;
}

const clock: Clock = { t: 0, stretch: 0, bi: 0, first: true, viol: 0 };
const buffers: Float64Array[] = Array.from({ length: 8 }, () => new Float64Array(64));
function scratch(b: number, n: number): Float64Array {
  if (buffers[b].length < n) buffers[b] = new Float64Array(n * 2);
  return buffers[b];
}

/** RouteSimulator.step on a clock in ms: the breaks due before the visit, then the visit. */
function step(
  k: Clock,
  tt: number,
  ready: number,
  svc: number,
  breaks: BreakMs[],
  maxWork: number,
  shiftStart: number,
): number {
  let t = k.t;
  while (k.bi < breaks.length) {
    const b = breaks[k.bi];
    const s0 = Math.max(t + tt, ready);
    const from = k.first ? s0 - tt : k.stretch;
    const must = s0 + svc > b.latest || s0 + svc - from > maxWork;
    const bs = Math.max(t, b.earliest);
    const free = !k.first && bs <= b.latest && bs + b.duration + tt <= ready;
    if (!must && !free) break;
    if (k.first) k.stretch = shiftStart;
    if (bs > b.latest) k.viol += bs - b.latest;
    if (bs - k.stretch > maxWork) k.viol += bs - k.stretch - maxWork;
    t = bs + b.duration;
    k.stretch = t;
    k.bi++;
  }
  const s = Math.max(t + tt, ready);
  if (k.first && k.bi === 0) k.stretch = s - tt;
  k.first = false;
  k.t = s + svc;
  return s;
}

/** RouteSimulator.finish: the breaks left, then the way home; the arrival. */
function finish(
  k: Clock,
  home: TripCost,
  breaks: BreakMs[],
  maxWork: number,
  maxShiftEnd: number,
): number {
  let t = k.t;
  for (let bi = k.bi; bi < breaks.length; bi++) {
    const b = breaks[bi];
    const bs = Math.max(t, b.earliest);
    if (bs > b.latest) k.viol += bs - b.latest;
    if (bs - k.stretch > maxWork) k.viol += bs - k.stretch - maxWork;
    t = bs + b.duration;
    k.stretch = t;
  }
  const arrival = t + home.seconds * 1000;
  if (arrival - k.stretch > maxWork) k.viol += arrival - k.stretch - maxWork;
  if (arrival > maxShiftEnd) k.viol += arrival - maxShiftEnd;
  return arrival;
}

function arcCost(w: Weights, t: TripCost): number {
  return w.travelTime * t.seconds + w.distance * t.metres;
}

function late(w: Weights, start: number, latest: number): number {
  return w.lateness * Math.max(0, (start - latest) / 1000);
}

function overtime(w: Weights, arrival: number, shiftEnd: number): number {
  return w.overtime * Math.max(0, (arrival - shiftEnd) / 1000);
}
