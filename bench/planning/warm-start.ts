/**
 * The usual caregivers of a day's visits as the product reads them (server/planning/
 * read-usual.ts), from the benchmark's in-memory history: those who made the visit's care
 * plan (id `<plan>@<date>`) most often, then those who visited its patient most often. The
 * warm start itself is the product's (server/solver-bridge/usual-start.ts).
 */
import type { UsualCaregivers } from '../../server/solver-bridge/usual-start.ts';
import type { VisitRow } from '../../server/solver-bridge/problem-rows.ts';
import type { VisitHistory } from './history.ts';

export const planKeyOf = (visitId: string) => visitId.slice(0, visitId.lastIndexOf('@'));

export function usualOfDay(
  visits: readonly VisitRow[],
  history: VisitHistory,
  since: string,
  date: string,
): UsualCaregivers {
  const out = new Map<string, string[]>();
  for (const v of visits) {
    const usual = [
      ...history.usual(planKeyOf(v.id)),
      ...history.known(v.patientId, since, date).map((k) => k.staffId),
    ];
    if (usual.length > 0) out.set(v.id, [...new Set(usual)]);
  }
  return out;
}
