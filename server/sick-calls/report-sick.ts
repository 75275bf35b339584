import { and, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import { assignments, shifts, staff, visits } from '../../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import { type SolveFn, planRows, solveInWorker } from '../solver-bridge/solve-rows.ts';
import { parseInstant, rangeAround, toLocalIso } from '../domain/stockholm-time.ts';
import { previousStaff } from '../visits/assign-visit.ts';
import { loadWorld } from './load-world.ts';
import type { ProposalStore, ProposedAssignment, RepairProposal } from './proposals.ts';
import type { ReportSickInput } from './schemas.ts';
import type { PlanningDeps } from '../suggestions/suggestions.ts';
import { bumpVersion, loadVisitState } from '../visits/visit-state.ts';
import { subjectOf } from '../audit/record.ts';
import { type CommandActor, runCommand } from '../commands/run-command.ts';
import type { TravelReport } from '../travel/prepare-travel.ts';
import { rowsTravel, travelReport } from '../travel/rows-travel.ts';

export type { SolveFn };

export interface RepairDeps extends PlanningDeps {
  proposals: ProposalStore;
  /** Defaults to a solve in a worker thread, so the server keeps answering meanwhile. */
  solve?: SolveFn;
}

/** Credit for leaving a visit with its caregiver: a change must save 20 min of travel. */
const KEEP_CURRENT_WEIGHT = 1200;
const REPAIR_HORIZON_MS = 16 * 3600_000;
const RELEASE_AHEAD_MS = 24 * 3600_000;
/** The least a repair's solver is given, however little of the time box is left. */
const MIN_SOLVE_MS = 100;

/**
 * A caregiver calls in sick or leaves early at `at`: their shift ends there, their visits
 * not yet started (in the next 24 h) are released — from `at` on when `at` lies ahead, since
 * the ones before someone leaves at 18:00 are still theirs — unassigned and unpinned, one event each
 * plus 'staff.sick' — in one transaction. Then a repair is solved from the plan as it
 * stands (warm start, everyone else's visits kept unless moving them pays, pinned ones
 * fixed) and returned as a proposal for `acceptRepair`.
 */
export async function reportSick(
  deps: RepairDeps,
  actor: CommandActor,
  input: ReportSickInput,
): Promise<{ releasedVisitIds: string[]; proposal: RepairProposal; travel: TravelReport }> {
  // The time box is the whole call's, on the wall clock: the solver gets what is left of it.
  const startedAt = performance.now();
  let at = deps.now();
  if (input.at !== undefined) {
    // Since earlier today (or yesterday's late shift), or a leave ahead: a day back, 30 days ahead.
    const p = parseInstant(input.at, rangeAround(at, { hours: 24 }, { hours: 30 * 24 }));
    if (!p.ok) {
      throw new AppError(400, 'validation_failed', 'The request is not valid', [
        { field: 'body.at', message: p.message },
      ]);
    }
    at = p.value;
  }
  const [who] = await deps.db.select().from(staff).where(eq(staff.id, input.staffId));
  if (!who) {
    throw new AppError(404, 'not_found', 'Caregiver not found', [
      { field: 'body.staffId', message: 'no such caregiver' },
    ]);
  }
  // Sick now (or since earlier): every visit not started goes, late ones too. Leaving later:
  // only those planned to start at or after they leave.
  const releaseFrom = at.getTime() > deps.now().getTime() ? at : undefined;
  const released = await runCommand(deps, actor, async ({ tx, emit, audit }) => {
    const open = await tx
      .select({ visit: visits })
      .from(assignments)
      .innerJoin(visits, eq(visits.id, assignments.visitId))
      .where(
        and(
          eq(assignments.staffId, input.staffId),
          inArray(visits.status, ['assigned', 'en_route']),
          lt(assignments.plannedStart, new Date(at.getTime() + RELEASE_AHEAD_MS)),
          releaseFrom && gte(assignments.plannedStart, releaseFrom),
        ),
      );
    const ids: string[] = [];
    for (const { visit } of open) {
      const before = await previousStaff(tx, visit.id);
      await bumpVersion(tx, visit.id, visit.version, deps.now(), {
        status: 'unassigned',
        pinned: false,
      });
      await tx.delete(assignments).where(eq(assignments.visitId, visit.id));
      const state = (await loadVisitState(tx, visit.id))!;
      await emit(visit.municipalityCode, 'visit.unassigned', {
        visit: state,
        previousStaffIds: before,
        reason: 'staff_sick',
      });
      ids.push(visit.id);
    }
    await tx
      .update(shifts)
      .set({ endsAt: at })
      .where(
        and(eq(shifts.staffId, input.staffId), lt(shifts.startsAt, at), gt(shifts.endsAt, at)),
      );
    await audit(
      'visit.release',
      open.map(({ visit }) => subjectOf(visit)),
    );
    await emit(who.municipalityCode, 'staff.sick', {
      staffId: input.staffId,
      at: at.toISOString(),
      releasedVisitIds: ids,
    });
    return ids.sort();
  });
  const { proposal, travel } = await proposeRepair(
    deps,
    who.municipalityCode,
    input.staffId,
    input.timeLimitMs,
    released,
    startedAt,
  );
  return { releasedVisitIds: released, proposal, travel };
}

/**
 * Solves the municipality's plan without the absent caregiver and keeps what changes, within
 * `timeLimitMs` from the call (wall clock) where it can. The visits they left are placed
 * first; the rest of the day's unassigned visits are tried while the time box lasts.
 */
async function proposeRepair(
  deps: RepairDeps,
  municipality: string,
  absentStaffId: string,
  timeLimitMs: number,
  releasedVisitIds: readonly string[] = [],
  /** When the time box began (performance.now()): the caller's work counts in it too. */
  startedAt = performance.now(),
): Promise<{ proposal: RepairProposal; travel: TravelReport }> {
  const now = deps.now();
  const world = await loadWorld(deps, {
    municipality,
    now,
    until: new Date(now.getTime() + REPAIR_HORIZON_MS),
    positions: deps.positions,
    excludeStaffIds: [absentStaffId],
  });
  // Loading the day and building the problem come out of the box; the released visits are
  // placed whatever is left.
  const rows = { staff: world.staff, visits: world.visits, patients: world.patients };
  const travel = await rowsTravel(deps.travel, rows);
  const plan = await planRows(rows, {
    origin: now,
    travel: travel.travel,
    keepCurrentWeight: KEEP_CURRENT_WEIGHT,
    seed: 1,
    timeLimitMs: () =>
      Math.max(MIN_SOLVE_MS, Math.round(timeLimitMs - (performance.now() - startedAt))),
    warmStart: true,
    placeFirst: releasedVisitIds,
    solve: deps.solve ?? solveInWorker,
  });
  const current = new Map(
    world.visits.map((v) => [v.id, v.assignees.map((a) => a.staffId).sort()]),
  );
  const proposed: ProposedAssignment[] = [];
  for (const p of plan.planned) {
    const staffIds = p.staff.map((s) => s.staffId).sort();
    const before = current.get(p.visitId) ?? [];
    if (staffIds.join() === before.join()) continue;
    const start = p.staff[0].plannedStart;
    proposed.push({
      visitId: p.visitId,
      expectedVersion: world.versions.get(p.visitId)!,
      staffIds,
      plannedStart: start.toISOString(),
      plannedStartLocal: toLocalIso(start),
      previousStaffIds: before,
    });
  }
  proposed.sort((a, b) => a.plannedStart.localeCompare(b.plannedStart));
  const unplaced = plan.unassigned.map((u) => ({ visitId: u.visitId, reason: u.reason }));
  const proposal = await deps.proposals.add(
    { municipalityCode: municipality, assignments: proposed, unplaced },
    now,
  );
  return { proposal, travel: travelReport(travel) };
}
