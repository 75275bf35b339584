import type { Weights } from '../../solver/model/problem-input.ts';
import type { LatLon, TravelSource } from '../solver-bridge/travel.ts';
import type { Candidate } from './caregiver-candidates.ts';

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
  const mode = c.member.travelMode;
  const n = c.stops.length;
  const arcCost = (seconds: number, metres: number) => w.travelTime * seconds + w.distance * metres;
  const leg = (a: LatLon, b: LatLon) => trip(a, b, mode);
  const depart0 = Math.max(now, c.shift.startsAt.getTime(), c.busyUntil?.getTime() ?? now);
  const shiftEnd = c.shift.endsAt.getTime();
  const late = (start: number, latest: number) => w.lateness * Math.max(0, (start - latest) / 1000);
  const overtime = (arrival: number) => w.overtime * Math.max(0, (arrival - shiftEnd) / 1000);

  // The route as it is: start times of its stops and the arrival at the base.
  const earliest = new Float64Array(n);
  const latest = new Float64Array(n);
  const start = new Float64Array(n);
  const legIn: { seconds: number; metres: number }[] = [];
  let t = depart0;
  for (let j = 0; j < n; j++) {
    const s = c.stops[j];
    earliest[j] = s.visit.staffCount < 2 ? s.windowStart : s.plannedStart;
    latest[j] = s.visit.staffCount < 2 ? s.windowEnd : s.plannedStart;
    const l = leg(j === 0 ? c.start : c.places[j - 1], c.places[j]);
    legIn.push(l);
    start[j] = Math.max(t + l.seconds * 1000, earliest[j]);
    t = start[j] + c.stops[j].durationMs;
  }
  const home = n === 0 ? null : leg(c.places[n - 1], c.member.base);
  const arrivalOld = n === 0 ? 0 : t + home!.seconds * 1000;

  let best: number | null = null;
  for (let i = 0; i <= n; i++) {
    // x goes between `prev` (the start, or stop i-1) and stop i (or the base).
    const prev = i === 0 ? c.start : c.places[i - 1];
    const leave = i === 0 ? depart0 : start[i - 1] + c.stops[i - 1].durationMs;
    const into = leg(prev, target.place);
    const xStart = Math.max(leave + into.seconds * 1000, target.earliest);
    if (target.hard && xStart > target.latest) continue;
    const next = i === n ? c.member.base : c.places[i];
    const out = leg(target.place, next);
    let cost = arcCost(into.seconds, into.metres) + arcCost(out.seconds, out.metres);
    cost += late(xStart, target.latest);
    let time = xStart + target.durationMs + out.seconds * 1000;
    if (n === 0) {
      // An empty route pays no trip home when unused, as the solver has it.
      best = best === null ? cost + overtime(time) : Math.min(best, cost + overtime(time));
      continue;
    }
    const replaced = i === n ? home! : legIn[i];
    cost -= arcCost(replaced.seconds, replaced.metres);
    let j = i;
    for (; j < n; j++) {
      const s = Math.max(time, earliest[j]);
      if (s <= start[j]) break; // waiting absorbed the delay: the rest is as it was
      cost += late(s, latest[j]) - late(start[j], latest[j]);
      time = s + c.stops[j].durationMs + (j + 1 < n ? legIn[j + 1].seconds : home!.seconds) * 1000;
    }
    if (j === n) cost += overtime(time) - overtime(arrivalOld);
    if (best === null || cost < best) best = cost;
  }
  return best;
}
