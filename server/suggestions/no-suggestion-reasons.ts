import type { MunicipalityState } from '../live-state/municipality-state.ts';
import type { LiveVisit } from '../live-state/types.ts';
import type { LatLon } from '../solver-bridge/travel.ts';
import { DEFAULT_OVERTIME_MINUTES } from '../solver-bridge/build-problem.ts';
import { caregiverCandidates } from './caregiver-candidates.ts';

export const NO_SUGGESTION_REASONS = [
  /** The patient has refused them. */
  'excluded_by_patient',
  /** Without the profession, or (an AN) a delegation of the task for this patient. */
  'competence',
  /** No shift between now and a few hours past the window, or it ends before the window. */
  'not_on_shift',
  /** A patient on their route is not read yet: the next reload brings them. */
  'route_not_read',
  /** They cannot be free and done with the visit before their shift ends (overtime included). */
  'shift_ends_first',
  /** They cannot be there before the visit's hard window closes. */
  'window_missed',
  /** Could go, but the solver found no place in their route (a two-person visit held, …). */
  'no_place',
] as const;
export type NoSuggestionReason = (typeof NO_SUGGESTION_REASONS)[number];

/** Why nobody was suggested: how many of the municipality's staff for each reason. */
export type NoSuggestions = { reason: NoSuggestionReason; staffCount: number }[];

/**
 * Why no caregiver could take `visit`, once the ranking found none: the candidates' filter
 * says why it passed over the others, and a candidate the ranking still refused either cannot
 * be free and finished before the shift's end with its overtime, or reach a hard window, or
 * had no place the solver accepts. Runs only on an empty answer, so it may take its time.
 */
export function noSuggestionReasons(
  state: MunicipalityState,
  visit: LiveVisit,
  now: Date,
  positionOf: (staffId: string) => LatLon | undefined,
): NoSuggestions {
  const counts = new Map<NoSuggestionReason, number>();
  const count = (why: NoSuggestionReason) => counts.set(why, (counts.get(why) ?? 0) + 1);
  const patient = state.patients.get(visit.patientId);
  if (!patient) return [];
  const candidates = caregiverCandidates(state, visit, patient, now, positionOf, (_, why) =>
    count(why),
  );
  const durationMs = visit.durationMinutes * 60_000;
  for (const c of candidates) {
    const free = Math.max(
      now.getTime(),
      c.shift.startsAt.getTime(),
      c.busyUntil?.getTime() ?? 0,
      visit.windowStart.getTime(),
    );
    const end = c.shift.endsAt.getTime() + DEFAULT_OVERTIME_MINUTES * 60_000;
    if (free + durationMs > end) count('shift_ends_first');
    else if (visit.windowHard && free > visit.windowEnd.getTime()) count('window_missed');
    else count('no_place');
  }
  return NO_SUGGESTION_REASONS.filter((r) => counts.has(r)).map((reason) => ({
    reason,
    staffCount: counts.get(reason)!,
  }));
}
