/**
 * The usual plan of a day: each recurring visit (a care plan's visit, id `<plan>@<date>`)
 * goes to the caregiver who made it most often in the days before (`by` 'plan'), or who
 * visited the patient most often (`by` 'patient': a patient's visits of a shift go to
 * one person), when they have a shift
 * today that covers its window; two-person visits to the two most usual. Each caregiver's
 * visits in the order of their windows. A warm start for `solve`: what cannot be kept (a
 * caregiver off, not allowed, a clash) the solver drops and places anew.
 */
import type { Solution } from '../../solver/model/solution.ts';
import { zeroCostTerms } from '../../solver/model/solution.ts';
import type { BuiltProblem } from '../../server/solver-bridge/build-problem.ts';
import type { VisitRow } from '../../server/solver-bridge/problem-rows.ts';
import type { VisitHistory } from './history.ts';
import type { Shift } from './world.ts';

export const planKeyOf = (visitId: string) => visitId.slice(0, visitId.lastIndexOf('@'));

export function usualStart(
  built: BuiltProblem,
  visits: readonly VisitRow[],
  shifts: readonly Shift[],
  history: VisitHistory,
  by: 'plan' | 'patient',
  date: string,
): Solution {
  const byCaregiver = built.staffIds.map(() => [] as { visit: number; at: number }[]);
  const shiftsOf = new Map<string, Shift[]>();
  for (const s of shifts) shiftsOf.set(s.member.id, [...(shiftsOf.get(s.member.id) ?? []), s]);
  const placed = new Set<number>();
  for (const v of visits) {
    const indices = built.visitIndices.get(v.id) ?? [];
    const end = v.windowEnd.getTime() + v.durationMinutes * 60_000;
    const taken: number[] = [];
    const usual =
      by === 'plan'
        ? history.usual(planKeyOf(v.id))
        : history.known(v.patientId, '0000-01-01', date).map((k) => k.staffId);
    for (const memberId of usual) {
      if (taken.length === indices.length) break;
      const shift = shiftsOf
        .get(memberId)
        ?.find((s) => s.startsAt.getTime() <= v.windowEnd.getTime() && s.endsAt.getTime() >= end);
      const k = shift ? built.staffIndex.get(shift.id) : undefined;
      if (k !== undefined && !taken.includes(k)) taken.push(k);
    }
    if (taken.length < indices.length) continue; // a two-person visit is kept whole or not
    indices.forEach((visit, h) => {
      byCaregiver[taken[h]].push({ visit, at: v.windowStart.getTime() });
      placed.add(visit);
    });
  }
  return {
    routes: byCaregiver.map((stops, caregiver) => ({
      caregiver,
      stops: stops
        .sort((a, b) => a.at - b.at || a.visit - b.visit)
        .map((s) => ({ kind: 'visit' as const, visit: s.visit, start: 0 })),
      departure: 0,
      arrival: 0,
    })),
    unassigned: built.visitIds
      .map((_, visit) => visit)
      .filter((visit) => !placed.has(visit))
      .map((visit) => ({ visit, reason: 'not_worth_it' as const })),
    cost: 0,
    terms: zeroCostTerms(),
  };
}
