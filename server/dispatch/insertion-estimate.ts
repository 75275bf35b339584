import type { Weights } from '../../solver/model/problem-input.ts';
import type { LatLon, TravelSource } from '../solver-bridge/travel.ts';
import { type Candidate, keptWindow } from './caregiver-candidates.ts';

/** The visit to place, in milliseconds since the epoch. */
export interface EstimateTarget {
  place: LatLon;
  earliest: number;
  latest: number;
  hard: boolean;
  durationMs: number;
}

/**
 * A quick estimate of the cheapest insertion into a caregiver's route: the route simulated
 * forward without breaks (so every time is a lower bound on the solver's), priced with the
 * solver's weights — travel, lateness of every visit, overtime — plus the continuity term.
 * Null when even these earliest times miss the visit's hard window. It orders caregivers for
 * the exact evaluation; it is not the answer.
 */
export function estimateInsertion(
  c: Candidate,
  target: EstimateTarget,
  now: number,
  travel: TravelSource & Required<Pick<TravelSource, 'trip'>>,
  w: Weights,
): number | null {
  const mode = c.member.travelMode;
  const arc = (a: LatLon, b: LatLon) => {
    const t = travel.trip(a, b, mode);
    return { cost: w.travelTime * t.seconds + w.distance * t.metres, ms: t.seconds * 1000 };
  };
  const n = c.stops.length;
  const windows = c.stops.map(keptWindow);
  const durations = c.stops.map((s) => s.visit.durationMinutes * 60_000);
  const toX = c.places.map((p) => arc(p, target.place));
  // Trips are symmetric in the estimate (haversine); the solver's matrices are too.
  const fromX = toX;
  const startToX = arc(c.start, target.place);
  const xToEnd = arc(target.place, c.member.base);
  const legs: { cost: number; ms: number }[] = []; // legs[j]: into stop j (j = n: to the base)
  for (let j = 0; j <= n; j++) {
    const from = j === 0 ? c.start : c.places[j - 1];
    const to = j === n ? c.member.base : c.places[j];
    legs.push(n === 0 ? { cost: 0, ms: 0 } : arc(from, to));
  }
  const depart0 = Math.max(
    now,
    c.shift.startsAt.getTime(),
    c.busyUntil ? c.busyUntil.getTime() : now,
  );
  const shiftEnd = c.shift.endsAt.getTime();
  const lateCost = (startMs: number, latest: number) =>
    w.lateness * Math.max(0, (startMs - latest) / 1000);

  // The route as it is: cost from each stop on, given the time it is left.
  const simulate = (insertAt: number): number | null => {
    let t = depart0;
    let cost = 0;
    for (let j = 0; j <= n; j++) {
      if (j === insertAt) {
        const leg = j === 0 ? startToX : toX[j - 1];
        const arrive = t + leg.ms;
        const start = Math.max(arrive, target.earliest);
        if (target.hard && start > target.latest) return null;
        cost += leg.cost + lateCost(start, target.latest);
        t = start + target.durationMs;
        const next = j === n ? xToEnd : fromX[j];
        cost += next.cost;
        t += next.ms;
      } else {
        const leg = legs[j];
        if (n === 0) {
          // An empty route pays no trip home, as the solver has it.
          return cost;
        }
        cost += leg.cost;
        t += leg.ms;
      }
      if (j === n) break;
      const start = Math.max(t, windows[j].earliest);
      cost += lateCost(start, windows[j].latest);
      t = start + durations[j];
    }
    return cost + w.overtime * Math.max(0, (t - shiftEnd) / 1000);
  };
  const before = n === 0 ? 0 : simulate(-1)!;
  let best: number | null = null;
  for (let i = 0; i <= n; i++) {
    const after = simulate(i);
    if (after !== null && (best === null || after - before < best)) best = after - before;
  }
  return best;
}
