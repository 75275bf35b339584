import { AppError } from '../http/errors.ts';
import { parseInstant } from '../domain/stockholm-time.ts';
import { previousStaff, writeAssignments } from '../visits/assign-visit.ts';
import { legSource } from '../visits/planned-leg.ts';
import type { TravelProvider } from '../travel/travel-provider.ts';
import type { ProposalStore } from './proposals.ts';
import type { AcceptRepairInput } from './schemas.ts';
import { checkStaffFor } from '../visits/staff-checks.ts';
import { subjectOf } from '../audit/record.ts';
import { type CommandActor, runCommand } from '../commands/run-command.ts';
import {
  type DispatchDeps,
  type VisitState,
  bumpVersion,
  loadVisitState,
  visitForChange,
} from '../visits/visit-state.ts';

/**
 * Applies a repair proposal, all of it or the visits named, in one transaction: each visit
 * must still be at the version the proposal saw (else 409 with its current state, and
 * nothing is applied), and each caregiver still passes the assignment checks.
 */
export async function acceptRepair(
  deps: DispatchDeps & { proposals: ProposalStore; travel?: TravelProvider | null },
  actor: CommandActor,
  input: AcceptRepairInput,
): Promise<{ proposalId: string; accepted: VisitState[] }> {
  const now = deps.now();
  const proposal = await deps.proposals.get(input.proposalId, now);
  if (!proposal) {
    throw new AppError(404, 'not_found', 'Repair proposal not found or expired', [
      { field: 'body.proposalId', message: 'no such proposal (they expire after 15 minutes)' },
    ]);
  }
  const byVisit = new Map(proposal.assignments.map((a) => [a.visitId, a]));
  const chosen = input.visitIds ?? [...byVisit.keys()];
  const missing = chosen
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !byVisit.has(id))
    .map(({ i }) => ({ field: `body.visitIds.${i}`, message: 'not in this proposal' }));
  if (missing.length)
    throw new AppError(400, 'validation_failed', 'The request is not valid', missing);

  const accepted = await runCommand(deps, actor, async ({ tx, emit, audit }) => {
    const out: VisitState[] = [];
    for (const id of chosen) {
      const item = byVisit.get(id)!;
      const visit = await visitForChange(tx, id, item.expectedVersion);
      if (visit.status !== 'unassigned' && visit.status !== 'assigned') {
        throw new AppError(409, 'conflict', `The visit is ${visit.status}`, [
          { field: 'body.visitIds', message: `visit ${id} is ${visit.status}` },
        ]);
      }
      const start = parseInstant(item.plannedStart);
      if (!start.ok) throw new Error(`proposal holds a bad instant: ${item.plannedStart}`);
      const checked = await checkStaffFor(tx, visit, item.staffIds, start.value);
      const before = await previousStaff(tx, id);
      await bumpVersion(tx, id, item.expectedVersion, now, { status: 'assigned' });
      // The repair's own legs are not in the proposal: priced as a dispatcher's move is.
      await writeAssignments(tx, id, before, checked, start.value, legSource(deps.travel));
      const state = (await loadVisitState(tx, id))!;
      await emit(visit.municipalityCode, 'visit.assigned', {
        visit: state,
        previousStaffIds: before,
        proposalId: proposal.id,
      });
      out.push(state);
    }
    await audit('visit.assign', out.map(subjectOf));
    await deps.proposals.remove(proposal.id, new Set(chosen), tx);
    return out;
  });
  return { proposalId: proposal.id, accepted };
}
