import { eq } from 'drizzle-orm';
import { visits } from '../../db/schema/index.ts';
import { rankInsertions } from '../../solver/insertion/rank-insertions.ts';
import { AppError } from '../errors.ts';
import { buildProblem } from '../solver-bridge/build-problem.ts';
import { currentSolution } from '../solver-bridge/plan-mapping.ts';
import type { TravelSource } from '../solver-bridge/travel.ts';
import { toLocalIso } from '../time/stockholm.ts';
import { competenceFor } from './competence.ts';
import { loadWorld } from './load-world.ts';
import type { PositionStore } from './positions.ts';
import { type DispatchDeps, visitNotFound } from './visit-state.ts';

export interface PlanningDeps extends DispatchDeps {
  positions?: PositionStore;
  travel?: TravelSource;
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
  /** Overtime past the shift end the detour leads to. */
  overtimeSeconds: number;
  /** Whether the start is the caregiver's reported position (else their base). */
  fromLivePosition: boolean;
}

/**
 * Who could take an unassigned visit now, best first: each caregiver on shift in the visit's
 * municipality, inserted at the cheapest place of their current route (rankInsertions on
 * the live plan from build-problem). A two-person visit is ranked per caregiver; the
 * dispatcher picks two.
 */
export async function suggestCaregivers(
  deps: PlanningDeps,
  visitId: string,
  limit = 5,
): Promise<Suggestion[]> {
  const now = deps.now();
  const [visit] = await deps.db.select().from(visits).where(eq(visits.id, visitId));
  if (!visit) throw visitNotFound();
  if (visit.status !== 'unassigned') {
    throw new AppError(
      409,
      'conflict',
      `The visit is ${visit.status}: suggestions are for unassigned visits`,
      [{ field: 'body.visitId', message: `status is ${visit.status}` }],
    );
  }
  const horizon = Math.max(now.getTime(), visit.windowEnd.getTime()) + 4 * 3600_000;
  const world = await loadWorld(deps.db, {
    municipality: visit.municipalityCode,
    now,
    until: new Date(horizon),
    positions: deps.positions,
  });
  const built = buildProblem(world.staff, world.visits, world.patients, {
    origin: now,
    travel: deps.travel,
  });
  const index = built.visitIndices.get(visitId)?.[0];
  if (index === undefined) return [];
  const ranked = rankInsertions(built.input, currentSolution(built, world.visits), index, limit);
  const v = built.input.visits[index];
  return ranked.map((s) => {
    const staffId = built.staffIds[s.caregiver];
    const row = world.staff[s.caregiver];
    const info = world.staffInfo.get(staffId)!;
    const start = new Date(now.getTime() + s.start * 1000);
    const end = new Date(start.getTime() + visit.durationMinutes * 60_000);
    const c = competenceFor(row, visit, row.delegations, start, end);
    const own = v.latestHard ? 0 : Math.max(0, s.start - v.latest);
    return {
      staffId,
      name: info.name,
      eta: start.toISOString(),
      etaLocal: toLocalIso(start),
      addedTravelSeconds: s.addedTravel,
      latenessCausedSeconds: Math.max(0, s.addedLateness - own),
      ownLatenessSeconds: own,
      knowsPatient: s.knowsPatient,
      competence:
        c.kind === 'delegation'
          ? { kind: 'delegation', validTo: c.validTo.toISOString() }
          : { kind: 'profession' },
      shiftEndsAt: info.shift.endsAt.toISOString(),
      shiftEndsAtLocal: toLocalIso(info.shift.endsAt),
      secondsLeftInShift: Math.round((info.shift.endsAt.getTime() - now.getTime()) / 1000),
      overtimeSeconds: Math.max(0, -s.slackAfterShift),
      fromLivePosition: info.positionAt !== null,
    };
  });
}
