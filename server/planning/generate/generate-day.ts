import type { CommandActor, CommandDeps } from '../../commands/run-command.ts';
import { runCommand } from '../../commands/run-command.ts';
import { visitState } from '../../visits/visit-state.ts';
import { type AppliedChange, applyChanges } from './apply-changes.ts';
import { type DayScope, planVisitsInScope, plansInScope } from './day-scope.ts';
import { diffDay } from './diff-day.ts';
import { lockDay } from './generation-lock.ts';
import { plannedDay } from './planned-day.ts';
import { type ScopeFields, checkScope } from './check-request.ts';

export interface GenerateCounts {
  added: number;
  updated: number;
  removed: number;
  keptBecauseAssigned: number;
  unchanged: number;
}

export interface GenerateResult {
  scope: DayScope;
  counts: GenerateCounts;
  changes: AppliedChange[];
}

const EVENT_OF = {
  added: 'visit.created',
  updated: 'visit.updated',
  removed: 'visit.cancelled',
} as const;

export interface GenerateOptions {
  /**
   * Combine a patient's overlapping combinable plans into one visit (fewer arrivals; on by
   * default). Off makes one visit per plan, as before: the arrivals benchmark compares both.
   */
  combine?: boolean;
}

const DEFAULT_FIELDS: ScopeFields = {
  municipality: 'municipality',
  date: 'date',
  team: 'team',
};

/**
 * Generates a day's visits from the care plans (issue 18, step 1): for the municipality, or
 * one team's patients, on one Stockholm calendar day, a patient's overlapping combinable plans in one visit
 * (planned-day.ts, combine-visits.ts). Idempotent: a second run finds what
 * the first wrote and changes nothing. In one command: the day's lock, the plans and the
 * visits read, the changes written, their events (visit.created, visit.updated,
 * visit.cancelled, then one day.generated) and the audit row; published after the commit, so
 * live consoles see the new visits. Visits of other sources (urgent calls, visits registered
 * by hand, discharges) are not the plans' and are never touched.
 */
export async function generateDay(
  deps: CommandDeps,
  actor: CommandActor,
  scope: DayScope,
  fields: ScopeFields = DEFAULT_FIELDS,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  await checkScope(deps.db, scope, deps.now(), fields);
  return runCommand(deps, actor, async (cmd) => {
    await lockDay(cmd.tx, scope.municipality, scope.date);
    const [plans, existing] = await Promise.all([
      plansInScope(cmd.tx, scope),
      planVisitsInScope(cmd.tx, scope),
    ]);
    const planned = plannedDay(
      plans,
      existing,
      scope.municipality,
      scope.date,
      options.combine ?? true,
    );
    const diff = diffDay(planned, existing);
    const changes = await applyChanges(cmd.tx, diff.changes, cmd.now);
    const counts = countOf(changes, diff.unchanged);
    const patients = new Set(changes.map((c) => c.visit.patientId));
    if (patients.size > 0) {
      await cmd.audit(
        'visit.generate',
        [...patients].map((patientId) => ({ patientId, municipalityCode: scope.municipality })),
      );
    }
    await cmd.emitAll(scope.municipality, [
      ...changes
        .filter((c) => c.kind !== 'kept')
        .map((c) => ({
          type: EVENT_OF[c.kind as keyof typeof EVENT_OF],
          payload: { visit: visitState(c.visit, []) },
        })),
      { type: 'day.generated', payload: { date: scope.date, team: scope.team, counts } },
    ]);
    return { scope, counts, changes };
  });
}

function countOf(changes: AppliedChange[], unchanged: number): GenerateCounts {
  const n = (kind: AppliedChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return {
    added: n('added'),
    updated: n('updated'),
    removed: n('removed'),
    keptBecauseAssigned: n('kept'),
    unchanged,
  };
}
