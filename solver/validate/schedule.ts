import type { CaregiverInput, ProblemInput } from '../model/problem-input.ts';
import type { RouteResult } from '../model/solution.ts';
import { caregiverName, real, visitName } from './names.ts';

/** Service time of a visit when this caregiver makes it. */
export function serviceTime(input: ProblemInput, visit: number, caregiver: number): number {
  const v = input.visits[visit];
  return v.durationByCaregiver?.[caregiver] ?? v.duration;
}

/**
 * Replays one route in time: departure ≥ shiftStart; each visit starts no earlier than
 * arrival (previous end + travel), its earliest, and (when hard) no later than its latest;
 * breaks start after the previous end at the same place, inside their window, each
 * caregiver break exactly once on a used route; no work stretch (travel, wait, service)
 * longer than maxWorkWithoutBreak; the reported arrival at the end equals the replayed one
 * and is ≤ maxShiftEnd. Returns the replayed arrival (what overtime is priced on).
 */
export function checkSchedule(
  input: ProblemInput,
  route: RouteResult,
  violations: string[],
): number {
  const k = route.caregiver;
  const cg = input.caregivers[k];
  const who = caregiverName(input, k);
  const visits = route.stops.filter((s) => s.kind === 'visit');
  if (!cg || visits.length === 0) {
    if (cg && route.stops.length > 0)
      violations.push(`${who} takes breaks on a route with no visits`);
    return route.arrival;
  }
  const profile = input.profiles[cg.profile];
  if (!profile) {
    violations.push(`${who} has an unknown travel profile ${cg.profile}`);
    return route.arrival;
  }
  const travel = (from: number, to: number) => profile.durations[from * input.locations + to];
  if (route.departure < cg.shiftStart) {
    violations.push(
      `${who} departs at ${real(input, route.departure)} before shift start ${real(input, cg.shiftStart)}`,
    );
  }
  let t = route.departure;
  let at = cg.startLocation;
  let workFrom = route.departure;
  const taken = new Set<number>();
  for (const stop of route.stops) {
    if (stop.kind === 'visit') {
      const visit = input.visits[stop.visit];
      if (!visit) continue; // reported by the placement check
      const what = `${visitName(input, stop.visit)} on ${who}`;
      const arrival = t + travel(at, visit.location);
      if (stop.start < arrival) {
        violations.push(
          `${what} starts at ${real(input, stop.start)} before arriving at ${real(input, arrival)}`,
        );
      }
      if (stop.start < visit.earliest) {
        violations.push(
          `${what} starts at ${real(input, stop.start)} before its earliest ${real(input, visit.earliest)}`,
        );
      }
      if (visit.latestHard && stop.start > visit.latest) {
        violations.push(
          `${what} starts at ${real(input, stop.start)} after its hard latest ${real(input, visit.latest)}`,
        );
      }
      t = Math.max(arrival, stop.start) + serviceTime(input, stop.visit, k);
      at = visit.location;
    } else {
      const b = cg.breaks[stop.break];
      const what = `break ${stop.break} of ${who}`;
      if (!b) {
        violations.push(`${who} takes an unknown break ${stop.break}`);
        continue;
      }
      if (taken.has(stop.break)) violations.push(`${what} is taken twice`);
      taken.add(stop.break);
      if (stop.start < t)
        violations.push(
          `${what} starts at ${real(input, stop.start)} before the previous stop ends at ${real(input, t)}`,
        );
      if (stop.start < b.earliest || stop.start > b.latest) {
        violations.push(
          `${what} starts at ${real(input, stop.start)} outside [${real(input, b.earliest)}, ${real(input, b.latest)}]`,
        );
      }
      checkStretch(input, cg, who, workFrom, Math.max(t, stop.start), violations);
      t = Math.max(t, stop.start) + b.duration;
      workFrom = t;
    }
  }
  const arrival = t + travel(at, cg.endLocation);
  if (route.arrival !== arrival) {
    violations.push(
      `${who} reports arrival ${real(input, route.arrival)} at the end but arrives at ${real(input, arrival)}`,
    );
  }
  if (arrival > cg.maxShiftEnd) {
    violations.push(
      `${who} arrives at ${real(input, arrival)} after max shift end ${real(input, cg.maxShiftEnd)}`,
    );
  }
  checkStretch(input, cg, who, workFrom, arrival, violations);
  cg.breaks.forEach((_, i) => {
    if (!taken.has(i)) violations.push(`break ${i} of ${who} is missing from a used route`);
  });
  return arrival;
}

function checkStretch(
  input: ProblemInput,
  cg: CaregiverInput,
  who: string,
  from: number,
  to: number,
  violations: string[],
): void {
  if (cg.maxWorkWithoutBreak > 0 && to - from > cg.maxWorkWithoutBreak) {
    violations.push(
      `${who} works ${real(input, to - from)} from ${real(input, from)} to ${real(input, to)} without a break (max ${real(input, cg.maxWorkWithoutBreak)})`,
    );
  }
}
