import { latenessCost, overtimeCost, travelCost } from '../eval/cost-evaluator.ts';
import type { Weights } from '../model/problem-input.ts';

/**
 * A quick estimate of the cheapest insertion into one caregiver's route as it stands,
 * without a prepared problem: the route simulated forward by the solver's own rules
 * (RouteSimulator: earliest starts, breaks placed greedily, the work-stretch limit, the
 * shift's hard end) and priced by the cost evaluator's terms (travel, lateness, overtime;
 * continuity is the caller's). rankInsertions gives the exact answer on a prepared plan;
 * this one lets a caller order many caregivers before asking it (and is tested against it).
 * Times are in ms since the epoch, trips in whole seconds and metres, the objective per
 * second (as in problems built with a scale of one second).
 */

/** One trip. */
export interface TripCost {
  seconds: number;
  metres: number;
}

/** A break still to take. */
export interface BreakMs {
  earliest: number;
  latest: number;
  duration: number;
}

/** What of a caregiver's shift the schedule obeys. */
export interface RouteRules {
  /** The caregiver's first free moment. */
  depart0: number;
  breaks: BreakMs[];
  /** Longest stretch of work without a break. */
  maxWork: number;
  /** The shift's end with the overtime the solver allows. */
  maxShiftEnd: number;
  /**
   * As rankInsertions' RankRules: without it a hard time rule broken refuses the place (and a
   * route breaking one already, every place); with it each second of violation a place adds
   * to the route's own costs this much, less `violationSlackMs` (the caller's allowance for
   * the solver's whole seconds), and only a target that cannot be done by `maxShiftEnd` (or
   * misses its hard window) is refused.
   */
  brokenRuleWeight?: number;
  violationSlackMs?: number;
}

/** The visit to place: when it may start, how long it lasts. */
export interface EstimateTarget {
  earliest: number;
  latest: number;
  /** A hard window: no start after `latest`. */
  hard: boolean;
  durationMs: number;
}

/**
 * The route as it stands, read through accessors (no object per stop): for visit j, when it
 * may start (lateness after `latest(j)`) and how long it lasts.
 */
export interface EstimateRoute {
  readonly size: number;
  earliest(j: number): number;
  latest(j: number): number;
  durationMs(j: number): number;
  /** The shift's end: coming home later is overtime. */
  readonly shiftEnd: number;
}

/** The trips the estimate needs; the caller chooses how to look them up and cache them. */
export interface RouteTrips {
  /** Into stop j from the one before it (from the start for j = 0); j = n: home from the last. */
  leg(j: number): TripCost;
  /** From the place before position i (the start for i = 0; stop i − 1 otherwise) to the target. */
  toTarget(i: number): TripCost;
  /** From the target to stop j (j = n: home). */
  fromTarget(j: number): TripCost;
}

/** The route as it stands, priced from `depart0` (see currentRoute). */
export interface CurrentRoute {
  /** Travel, lateness, the way home and overtime (0 for an empty route: it goes nowhere). */
  cost: number;
  /** The part of it that is lateness and overtime: what a detour could at most take away. */
  lateness: number;
  /** Ms by which it breaks the hard time rules already (refused unless they are priced). */
  viol: number;
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
 * The caregiver's route as it stands, simulated forward from `depart0` by the solver's own
 * rules: starts as early as possible, breaks placed greedily (into a wait that holds them, or
 * before a visit that would otherwise end past the break's window or the work-stretch limit),
 * the stretch of work counted from the departure. When it breaks a hard time rule already
 * (a break out of its window, too long without one, home past `maxShiftEnd`): null unless the
 * rules price violations (the solver refuses every place then, since adding a visit only
 * delays the rest), else the violation in `viol`. Leaves the schedule in the scratch arrays,
 * for cheapestPlace.
 */
export function currentRoute(
  route: EstimateRoute,
  rules: RouteRules,
  trips: RouteTrips,
  w: Weights,
): CurrentRoute | null {
  const { depart0, breaks, maxWork, maxShiftEnd } = rules;
  // Scratch arrays and one clock, no objects per stop: this runs for most caregivers on
  // shift on every suggestion.
  const n = route.size;
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
  const violAt = scratch(8, n + 1);
  const k = clock;
  k.t = k.stretch = depart0;
  k.bi = 0;
  k.first = true;
  k.viol = 0;
  costTo[0] = 0;
  let lateness = 0;
  for (let j = 0; j < n; j++) {
    earliest[j] = route.earliest(j);
    latest[j] = route.latest(j);
    const l = trips.leg(j);
    legMs[j] = l.seconds * 1000;
    legCost[j] = travelCost(w, l.seconds, l.metres);
    tAt[j] = k.t;
    stretchAt[j] = k.stretch;
    biAt[j] = k.bi;
    violAt[j] = k.viol;
    const start = step(k, legMs[j], earliest[j], route.durationMs(j), breaks, maxWork, depart0);
    const lateCost = late(w, start, latest[j]);
    lateness += lateCost;
    costTo[j + 1] = costTo[j] + legCost[j] + lateCost;
  }
  tAt[n] = k.t;
  stretchAt[n] = k.stretch;
  biAt[n] = k.bi;
  violAt[n] = k.viol;
  if (n === 0) return { cost: 0, lateness: 0, viol: 0 };
  const home = trips.leg(n);
  const over = overtime(w, finish(k, home, breaks, maxWork, maxShiftEnd), route.shiftEnd);
  if (k.viol > VIOL_SLACK_MS && rules.brokenRuleWeight === undefined) return null;
  return {
    cost: costTo[n] + travelCost(w, home.seconds, home.metres) + over,
    lateness: lateness + over,
    viol: k.viol,
  };
}

/**
 * The cheapest place for the target in a caregiver's route, priced as the solver prices it
 * (travel, lateness of every visit, overtime; continuity is the caller's), on the route as
 * currentRoute simulates it. Each place is simulated from there until the schedule meets the
 * old one again, so a long route costs little more. Null when the solver would refuse every
 * place: the target's hard window missed, or a hard time rule broken — also when the route
 * breaks one already — unless the rules price violations (RouteRules.brokenRuleWeight): then
 * a place costs what violation it adds, and is refused only when the target itself cannot be
 * done by `maxShiftEnd`. Times are in ms, the solver's in whole seconds: the caller allows
 * for the difference.
 */
export function cheapestPlace(
  route: EstimateRoute,
  target: EstimateTarget,
  rules: RouteRules,
  trips: RouteTrips,
  w: Weights,
): number | null {
  const current = currentRoute(route, rules, trips, w);
  if (current === null) return null;
  const { depart0, breaks, maxWork, maxShiftEnd } = rules;
  const violWeight = rules.brokenRuleWeight;
  const violSlack = rules.violationSlackMs ?? 0;
  const oldEnd = current.cost;
  const n = route.size;
  const earliest = buffers[0];
  const latest = buffers[1];
  const legMs = buffers[2];
  const legCost = buffers[3];
  const tAt = buffers[4];
  const stretchAt = buffers[5];
  const biAt = buffers[6];
  const costTo = buffers[7];
  const violAt = buffers[8];
  const k = clock;

  let best: number | null = null;
  for (let i = 0; i <= n; i++) {
    k.t = tAt[i];
    k.stretch = stretchAt[i];
    k.bi = biAt[i];
    k.first = i === 0;
    k.viol = violWeight === undefined ? 0 : violAt[i];
    const into = trips.toTarget(i);
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
    if (violWeight !== undefined && xStart + target.durationMs > maxShiftEnd + VIOL_SLACK_MS)
      continue; // cannot be done by the shift's end: the solver refuses it too
    let cost = travelCost(w, into.seconds, into.metres) + late(w, xStart, target.latest);
    let j = i;
    let met = false;
    for (; j < n; j++) {
      let ms = legMs[j];
      if (j === i) {
        const l = trips.fromTarget(j);
        ms = l.seconds * 1000;
        cost += travelCost(w, l.seconds, l.metres);
      } else cost += legCost[j];
      const start = step(k, ms, earliest[j], route.durationMs(j), breaks, maxWork, depart0);
      cost += late(w, start, latest[j]);
      if (k.t === tAt[j + 1] && k.bi === biAt[j + 1] && k.stretch === stretchAt[j + 1]) {
        met = true; // the rest of the route runs as it did
        break;
      }
    }
    let total: number;
    // With violations priced, k.viol ran on from the old schedule's before place i.
    let violAfter = 0;
    if (met) {
      total = cost - (costTo[j + 1] - costTo[i]);
      violAfter = current.viol - violAt[j + 1];
    } else {
      const home = i === n ? trips.fromTarget(n) : trips.leg(n);
      const arrival = finish(k, home, breaks, maxWork, maxShiftEnd);
      total =
        cost +
        travelCost(w, home.seconds, home.metres) +
        overtime(w, arrival, route.shiftEnd) -
        (oldEnd - costTo[i]);
    }
    if (violWeight === undefined) {
      if (k.viol > VIOL_SLACK_MS) continue; // the solver refuses this place
    } else {
      const added = k.viol + violAfter - current.viol;
      total += (violWeight * Math.max(0, added - violSlack)) / 1000;
    }
    if (best === null || total < best) best = total;
  }
  return best;
}

const clock: Clock = { t: 0, stretch: 0, bi: 0, first: true, viol: 0 };
const buffers: Float64Array[] = Array.from({ length: 9 }, () => new Float64Array(64));
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

/** Lateness of a start in ms, priced per second. */
function late(w: Weights, start: number, latest: number): number {
  return latenessCost(w, Math.max(0, (start - latest) / 1000));
}

function overtime(w: Weights, arrival: number, shiftEnd: number): number {
  return overtimeCost(w, Math.max(0, (arrival - shiftEnd) / 1000));
}
