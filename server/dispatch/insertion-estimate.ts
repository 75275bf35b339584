import type { Weights } from '../../solver/model/problem-input.ts';
import type { TravelMode } from '../../db/reference/professions.ts';
import type { RouteStop } from '../live-state/municipality-state.ts';
import type { LatLon, TravelSource } from '../solver-bridge/travel.ts';
import { shiftBreaks } from '../solver-bridge/shift-breaks.ts';
import type { Candidate } from './caregiver-candidates.ts';
import { type BreakMs, VIOL_SLACK_MS, estimateWithBreaks } from './insertion-estimate-breaks.ts';
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
interface TripCost {
  seconds: number;
  metres: number;
}

/** Float buffers reused by every call (a suggestion estimates a hundred routes or more). */
const buffers: Float64Array[] = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
function scratch(k: number, n: number): Float64Array {
  if (buffers[k].length < n) buffers[k] = new Float64Array(n * 2);
  return buffers[k];
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

/**
 * A quick estimate of the cheapest insertion into a caregiver's route: the route simulated
 * forward without breaks (so every time is a lower bound on the solver's), priced with the
 * solver's weights — travel, lateness of every visit, overtime — plus nothing for continuity
 * (the caller adds it). Null when even these earliest times miss the visit's hard window.
 * It orders caregivers for the exact evaluation; it is not the answer. Each place is tried
 * by pushing the delay forward until waiting absorbs it, so a long route costs little more.
 */
export function estimateInsertion(
  c: Candidate,
  target: EstimateTarget,
  now: number,
  trip: Trip,
  w: Weights,
): number | null {
  // No closures in here: under tsx each one created costs a call to its name helper, and this
  // runs for every caregiver on shift on every suggestion.
  const mode = c.member.travelMode;
  const n = c.stops.length;
  const depart0 = Math.max(now, c.shift.startsAt.getTime(), c.busyUntil?.getTime() ?? now);
  const shiftEnd = c.shift.endsAt.getTime();
  const maxShiftEnd = shiftEnd + OVERTIME_MS;
  const breaks = breaksLeft(c, now, depart0);
  if (breaks.length) {
    const maxWork = c.shift.maxWorkWithoutBreakMinutes * 60_000 || Number.POSITIVE_INFINITY;
    const e = estimateWithBreaks(c, target, depart0, trip, w, breaks, maxWork, maxShiftEnd);
    // Times here are in ms, the solver's in whole seconds: up to half a second of lateness
    // per visit either way, allowed for so the estimate stays below the exact cost.
    return e === null ? null : e - (n + 2) * w.lateness;
  }

  // The route as it is: start times of its stops and the arrival at the base.
  const earliest = scratch(0, n);
  const latest = scratch(1, n);
  const start = scratch(2, n);
  const legIn: TripCost[] = [];
  let t = depart0;
  for (let j = 0; j < n; j++) {
    const s = c.stops[j];
    earliest[j] = s.visit.staffCount < 2 ? s.windowStart : s.plannedStart;
    latest[j] = s.visit.staffCount < 2 ? s.windowEnd : s.plannedStart;
    const l =
      j === 0 ? trip(c.start, c.places[0], mode) : legBetween(c.stops[j - 1], s, mode, trip);
    legIn.push(l);
    start[j] = Math.max(t + l.seconds * 1000, earliest[j]);
    t = start[j] + s.durationMs;
  }
  const home = n === 0 ? null : trip(c.places[n - 1], c.member.base, mode);
  const arrivalOld = n === 0 ? 0 : t + home!.seconds * 1000;
  // Home later than the overtime allows: the solver refuses every place (see the breaks' case).
  if (arrivalOld > maxShiftEnd + VIOL_SLACK_MS) return null;
  // Trips are symmetric in the estimate (haversine), so one per place serves both ways.
  const x = target.place;

  let best: number | null = null;
  let outOf: TripCost = NO_TRIP; // x → stop i-1, from the previous round
  for (let i = 0; i <= n; i++) {
    // x goes between `prev` (the start, or stop i-1) and stop i (or the base).
    const leave = i === 0 ? depart0 : start[i - 1] + c.stops[i - 1].durationMs;
    const into = i === 0 ? trip(c.start, x, mode) : outOf;
    const xStart = Math.max(leave + into.seconds * 1000, target.earliest);
    if (target.hard && xStart > target.latest) {
      if (i < n) outOf = trip(x, c.places[i], mode);
      continue;
    }
    const out = i === n ? trip(x, c.member.base, mode) : trip(x, c.places[i], mode);
    outOf = out;
    let cost = arcCost(w, into) + arcCost(w, out);
    cost += late(w, xStart, target.latest);
    let time = xStart + target.durationMs + out.seconds * 1000;
    if (n === 0) {
      if (time > maxShiftEnd + VIOL_SLACK_MS) continue; // refused by the solver
      // An empty route pays no trip home when unused, as the solver has it.
      const total = cost + overtime(w, time, shiftEnd);
      best = best === null ? total : Math.min(best, total);
      continue;
    }
    const replaced = i === n ? home! : legIn[i];
    cost -= arcCost(w, replaced);
    let j = i;
    for (; j < n; j++) {
      const s = Math.max(time, earliest[j]);
      if (s <= start[j]) break; // waiting absorbed the delay: the rest is as it was
      cost += late(w, s, latest[j]) - late(w, start[j], latest[j]);
      time = s + c.stops[j].durationMs + (j + 1 < n ? legIn[j + 1].seconds : home!.seconds) * 1000;
    }
    if (j === n) {
      if (time > maxShiftEnd + VIOL_SLACK_MS) continue; // refused by the solver
      cost += overtime(w, time, shiftEnd) - overtime(w, arrivalOld, shiftEnd);
    }
    if (best === null || cost < best) best = cost;
  }
  return best;
}

const NO_TRIP: TripCost = { seconds: 0, metres: 0 };

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

function arcCost(w: Weights, t: TripCost): number {
  return w.travelTime * t.seconds + w.distance * t.metres;
}

function late(w: Weights, start: number, latest: number): number {
  return w.lateness * Math.max(0, (start - latest) / 1000);
}

function overtime(w: Weights, arrival: number, shiftEnd: number): number {
  return w.overtime * Math.max(0, (arrival - shiftEnd) / 1000);
}
