import { eq } from 'drizzle-orm';
import { assignments, visits } from '../../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import { loadMunicipalityState } from '../live-state/load-state.ts';
import type { LiveState } from '../live-state/live-state.ts';
import type { LiveVisit } from '../live-state/types.ts';
import type { TravelProvider } from '../travel/travel-provider.ts';
import { toLocalIso } from '../domain/stockholm-time.ts';
import { competenceFor } from '../domain/competence.ts';
import type { PositionStore } from '../positions/positions.ts';
import { rankCaregivers } from './rank-caregivers.ts';
import { type NoSuggestions, noSuggestionReasons } from './no-suggestion-reasons.ts';
import { rankingTravel } from './ranking-travel.ts';
import type { Ranker } from './rank-pool.ts';
import { type DispatchDeps, visitNotFound } from '../visits/visit-state.ts';

export interface PlanningDeps extends DispatchDeps {
  positions?: PositionStore;
  /** Where travel times come from; unset: the built-in estimate. */
  travel?: TravelProvider;
  /** This process's live state; without it each suggestion reads the municipality. */
  liveState?: LiveState;
  /** Ranks on a worker thread's copy of the live state (with the built-in travel estimate). */
  rankWorker?: Ranker;
}

export interface Suggestion {
  staffId: string;
  name: string;
  /** When they can start the visit (arrival, or the window start if they would be early). */
  eta: string;
  etaLocal: string;
  addedTravelSeconds: number;
  /** Lateness the detour causes to their other visits (the new visit's own is apart). */
  latenessCausedSeconds: number;
  ownLatenessSeconds: number;
  knowsPatient: boolean;
  competence: { kind: 'profession' } | { kind: 'delegation'; validTo: string };
  shiftEndsAt: string;
  shiftEndsAtLocal: string;
  secondsLeftInShift: number;
  /**
   * Overtime the detour adds past the shift end. Not the route's overtime with it: the route
   * is read only a few hours past the visit and may run over already (a visit planned past
   * the shift), which showed overtime beside hours left in the shift though the detour adds
   * none. It may still show beside hours left: `secondsLeftInShift` is the time to the shift's
   * end, not free time, and a route booked up to its end comes home later by whatever of the
   * detour its waits do not absorb (demo data, 17:50 Stockholm: 4.6 h left, 549-1642 s added).
   */
  overtimeSeconds: number;
  /** Whether the start is the caregiver's reported position (else their base). */
  fromLivePosition: boolean;
}

/** Seconds a client waits before asking again when the ranking worker is overloaded. */
export const RANKING_RETRY_AFTER_SECONDS = 1;

/** The ranking worker is overloaded: a quick 503 to retry, instead of a late answer. */
export class RankingBusy extends AppError {
  constructor() {
    super(503, 'unavailable', 'Suggestions are busy: ask again in a moment', [], {
      'Retry-After': String(RANKING_RETRY_AFTER_SECONDS),
    });
  }
}

/** The ranking, and when it is empty why (see noSuggestionReasons). */
export interface Suggestions {
  suggestions: Suggestion[];
  noSuggestions?: NoSuggestions;
}

/**
 * Who could take an unassigned visit now, best first (see rankCaregivers), from the live
 * state this process keeps (`liveState`), or, without one, from the database read now.
 * The visit is the caller's, else the live state's, else read from the database.
 * Throws `RankingBusy` when the ranking worker is overloaded.
 */
export async function suggestCaregivers(
  deps: PlanningDeps,
  visitId: string,
  limit = 5,
  known?: LiveVisit,
): Promise<Suggestion[]> {
  return (await suggestWithReasons(deps, visitId, limit, known)).suggestions;
}

/** suggestCaregivers, saying why when nobody can take the visit. */
export async function suggestWithReasons(
  deps: PlanningDeps,
  visitId: string,
  limit = 5,
  known?: LiveVisit,
): Promise<Suggestions> {
  const now = deps.now();
  const visit = known ?? deps.liveState?.visit(visitId) ?? (await readVisit(deps, visitId));
  if (visit.status !== 'unassigned') {
    throw new AppError(
      409,
      'conflict',
      `The visit is ${visit.status}: suggestions are for unassigned visits`,
      [{ field: 'body.visitId', message: `status is ${visit.status}` }],
    );
  }
  let state = deps.liveState?.get(visit.municipalityCode);
  if (!state?.patients.has(visit.patientId)) {
    state = (await loadMunicipalityState(deps.db, visit.municipalityCode, now)) ?? undefined;
  }
  if (!state) return { suggestions: [] };
  const positionOf = (id: string) => deps.positions?.get(id, now);
  // The worker ranks with the estimate it was started with (compose gives it the provider's).
  const onWorker =
    deps.rankWorker &&
    (!deps.travel || (deps.travel.sync && deps.travel.estimate)) &&
    state === deps.liveState?.get(visit.municipalityCode)
      ? await deps.rankWorker.rank(state.code, visit, now, limit)
      : null;
  if (onWorker === 'busy') throw new RankingBusy();
  const travel =
    onWorker || !deps.travel
      ? undefined
      : (await rankingTravel(deps.travel, state, visit, now, positionOf)).travel;
  const ranked = onWorker ?? rankCaregivers(state, visit, { now, limit, travel, positionOf });
  if (ranked.length === 0) {
    const s = state;
    const at = (id: string) => positionOf(id) ?? s.positions.get(id);
    return { suggestions: [], noSuggestions: noSuggestionReasons(s, visit, now, at) };
  }
  const suggestions = ranked.map((r): Suggestion => {
    const start = new Date(now.getTime() + r.start * 1000);
    const end = new Date(start.getTime() + visit.durationMinutes * 60_000);
    const c = competenceFor(r.member, visit, r.member.delegations, start, end);
    const own = r.latestHard ? 0 : Math.max(0, r.start - r.latest);
    return {
      staffId: r.member.id,
      name: r.member.name,
      eta: start.toISOString(),
      etaLocal: toLocalIso(start),
      addedTravelSeconds: r.addedTravel,
      latenessCausedSeconds: Math.max(0, r.addedLateness - own),
      ownLatenessSeconds: own,
      knowsPatient: r.knowsPatient,
      competence:
        c.kind === 'delegation'
          ? { kind: 'delegation', validTo: c.validTo.toISOString() }
          : { kind: 'profession' },
      shiftEndsAt: r.shift.endsAt.toISOString(),
      shiftEndsAtLocal: toLocalIso(r.shift.endsAt),
      secondsLeftInShift: Math.round((r.shift.endsAt.getTime() - now.getTime()) / 1000),
      overtimeSeconds: r.addedOvertime,
      fromLivePosition: r.fromLivePosition,
    };
  });
  return { suggestions };
}

/** The visit as committed: the live state may be a moment behind a write just made. */
async function readVisit(deps: PlanningDeps, visitId: string): Promise<LiveVisit> {
  const [visit] = await deps.db.select().from(visits).where(eq(visits.id, visitId));
  if (!visit) throw visitNotFound();
  const rows = await deps.db.select().from(assignments).where(eq(assignments.visitId, visitId));
  return {
    ...visit,
    assignees: rows.map((a) => ({ staffId: a.staffId, plannedStart: a.plannedStart })),
  };
}
