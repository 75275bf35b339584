import { rowsOf } from '../../db/client.ts';
import { reusableSql } from '../../db/reusable-query.ts';
import { eq, sql } from 'drizzle-orm';
import { assignments, visits } from '../../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import type { Tx } from '../events/append-events.ts';
import { parseInstant, rangeAround } from '../domain/stockholm-time.ts';
import type { AssignVisitInput, VisitVersionInput } from './dispatch-schemas.ts';
import { type CheckedStaff, OVERTIME_MS, checkStaffFor } from './staff-checks.ts';
import { legSource, writePlannedLegs } from './planned-leg.ts';
import type { TravelSource } from '../solver-bridge/travel.ts';
import type { TravelProvider } from '../travel/travel-provider.ts';
import { subjectOf } from '../audit/record.ts';
import { type CommandActor, runCommand } from '../commands/run-command.ts';
import {
  type DispatchDeps,
  type VisitState,
  bumpVersion,
  type ChangingVisit,
  visitForChange,
  visitState,
} from './visit-state.ts';

type VisitRow = typeof visits.$inferSelect;

/** The given start, else the window start, else now once the window has opened. */
function plannedStartOf(input: { plannedStart?: string }, visit: VisitRow, now: Date): Date {
  if (input.plannedStart !== undefined) {
    // Within the range of a visit's window (services/create-visit.ts).
    const p = parseInstant(input.plannedStart, rangeAround(now, { years: 1 }, { years: 2 }));
    if (!p.ok) {
      throw new AppError(400, 'validation_failed', 'The request is not valid', [
        { field: 'body.plannedStart', message: p.message },
      ]);
    }
    return p.value;
  }
  return visit.windowStart > now ? visit.windowStart : now;
}

function wrongStatus(visit: VisitRow, what: string): AppError {
  return new AppError(409, 'conflict', `The visit is ${visit.status}: ${what}`, [
    { field: 'body.visitId', message: `status is ${visit.status}` },
  ]);
}

const p = sql.placeholder;
// unnest yields the array in order, and the locks are taken row by row as it does.
const lockRoutesSql = reusableSql(
  'lock_routes',
  sql`select pg_advisory_xact_lock(hashtextextended(id, 0))
      from unnest(${p('ids')}::text[]) as r(id)`,
);

const deleteAssignmentsSql = reusableSql(
  'delete_assignments',
  sql`delete from assignments where visit_id = ${p('visit')}`,
);

const insertAssignmentSql = reusableSql(
  'insert_assignment',
  sql`insert into assignments (visit_id, staff_id, planned_start, route_order)
      values (${p('visit')}, ${p('staff')}, ${p('start')}::timestamptz, 0)`,
);

/** Numbers a caregiver's visits within a shift (and its overtime) by planned start. */
const renumberSql = reusableSql(
  'renumber_route',
  sql`
    update assignments a set route_order = r.n
    from (select id, row_number() over (order by planned_start, id) as n
          from assignments
          where staff_id = ${p('staff')}
            and planned_start >= ${p('from')}::timestamptz
            and planned_start <= ${p('until')}::timestamptz) r
    where a.id = r.id
    returning a.visit_id, a.route_order`,
);

/**
 * Takes the route locks of these caregivers until the transaction ends, in one order for
 * every writer. Moving a visit deletes rows of its previous caregivers' routes and renumbers
 * its new ones': two crossing moves (A from Y to X while B goes from X to Y) would otherwise
 * each wait for the other's rows, and PostgreSQL would abort one as a deadlock.
 */
function lockRoutes(tx: Tx, staffIds: readonly string[]) {
  const ids = [...new Set(staffIds)].sort();
  // Ids are uuids (validated, or read from the database): an array literal needs no quoting.
  return lockRoutesSql(tx, { ids: `{${ids.join(',')}}` });
}

/**
 * Writes the caregivers of a visit and renumbers each one's route within the shift. Returns
 * the visit's caregivers as written (by staff id), with their place in their routes.
 * `previous` are the caregivers it had (their routes lose it). With a source, the planned
 * travel to the visit and to the stop after it is priced (planned-leg.ts); without, null.
 */
export async function writeAssignments(
  tx: Tx,
  visitId: string,
  previous: readonly string[],
  checked: { staffId: string; shift: CheckedStaff['shift'] }[],
  start: Date,
  legs: TravelSource | null,
): Promise<{ staffId: string; plannedStart: Date; routeOrder: number }[]> {
  // Sent together: the connection runs them in order, so the delete waits for the locks.
  await Promise.all([
    lockRoutes(tx, [...previous, ...checked.map((c) => c.staffId)]),
    deleteAssignmentsSql(tx, { visit: visitId }),
  ]);
  const out: { staffId: string; plannedStart: Date; routeOrder: number }[] = [];
  for (const c of checked) {
    const until = new Date(c.shift.endsAt.getTime() + OVERTIME_MS);
    // Sent together and run in order: the renumbering sees the row just inserted.
    const [, result] = await Promise.all([
      insertAssignmentSql(tx, { visit: visitId, staff: c.staffId, start: start.toISOString() }),
      renumberSql(tx, {
        staff: c.staffId,
        from: c.shift.startsAt.toISOString(),
        until: until.toISOString(),
      }),
    ]);
    const rows = rowsOf<{ visit_id: string; route_order: number }>(result);
    const mine = rows.find((r) => r.visit_id === visitId);
    if (legs)
      await writePlannedLegs(tx, legs, visitId, c.staffId, { from: c.shift.startsAt, until });
    out.push({
      staffId: c.staffId,
      plannedStart: start,
      routeOrder: Number(mine?.route_order ?? 0),
    });
  }
  return out.sort((a, b) => a.staffId.localeCompare(b.staffId));
}

/** Assigns an unassigned visit (one caregiver, or two for a two-person visit). */
export async function assignVisit(
  deps: DispatchDeps & { travel?: TravelProvider | null },
  actor: CommandActor,
  input: AssignVisitInput,
): Promise<VisitState> {
  return runCommand(deps, actor, async ({ tx, emit, audit }) => {
    const visit = await visitForChange(tx, input.visitId, input.expectedVersion);
    if (visit.status !== 'unassigned')
      throw wrongStatus(visit, 'use reassign to change caregivers');
    const start = plannedStartOf(input, visit, deps.now());
    const checked = await checkStaffFor(tx, visit, input.staffIds, start);
    const row = await bumpVersion(tx, visit.id, input.expectedVersion, deps.now(), {
      status: 'assigned',
    });
    const state = visitState(
      row,
      await writeAssignments(tx, visit.id, [], checked, start, legSource(deps.travel)),
    );
    await audit('visit.assign', [subjectOf(visit)]);
    await emit(visit.municipalityCode, 'visit.assigned', {
      visit: state,
      competence: competencePayload(checked),
    });
    return state;
  });
}

/** Moves an assigned visit to other caregivers; the status stays 'assigned'. */
export async function reassignVisit(
  deps: DispatchDeps & { travel?: TravelProvider | null },
  actor: CommandActor,
  input: AssignVisitInput,
): Promise<VisitState> {
  return runCommand(deps, actor, async ({ tx, emit, audit }) => {
    const visit = await visitForChange(tx, input.visitId, input.expectedVersion);
    if (visit.status !== 'assigned')
      throw wrongStatus(visit, 'only an assigned visit is reassigned');
    const before = staffIdsOf(visit);
    const start = plannedStartOf(input, visit, deps.now());
    const checked = await checkStaffFor(tx, visit, input.staffIds, start);
    const row = await bumpVersion(tx, visit.id, input.expectedVersion, deps.now(), {});
    const state = visitState(
      row,
      await writeAssignments(tx, visit.id, before, checked, start, legSource(deps.travel)),
    );
    await audit('visit.reassign', [subjectOf(visit)]);
    await emit(visit.municipalityCode, 'visit.assigned', {
      visit: state,
      previousStaffIds: before,
      competence: competencePayload(checked),
    });
    return state;
  });
}

/** Takes an assigned visit off its caregivers' routes. */
export async function unassignVisit(
  deps: DispatchDeps,
  actor: CommandActor,
  input: VisitVersionInput,
): Promise<VisitState> {
  return runCommand(deps, actor, async ({ tx, emit, audit }) => {
    const visit = await visitForChange(tx, input.visitId, input.expectedVersion);
    if (visit.status !== 'assigned')
      throw wrongStatus(visit, 'only an assigned visit is unassigned');
    const before = staffIdsOf(visit);
    const row = await bumpVersion(tx, visit.id, input.expectedVersion, deps.now(), {
      status: 'unassigned',
    });
    await tx.delete(assignments).where(eq(assignments.visitId, visit.id));
    const state = visitState(row, []);
    await audit('visit.unassign', [subjectOf(visit)]);
    await emit(visit.municipalityCode, 'visit.unassigned', {
      visit: state,
      previousStaffIds: before,
    });
    return state;
  });
}

/** The caregivers a visit had when read for the change. */
function staffIdsOf(visit: ChangingVisit): string[] {
  return visit.assignees.map((a) => a.staffId).sort();
}

export async function previousStaff(tx: Tx, visitId: string): Promise<string[]> {
  const rows = await tx
    .select({ staffId: assignments.staffId })
    .from(assignments)
    .where(eq(assignments.visitId, visitId));
  return rows.map((r) => r.staffId).sort();
}

function competencePayload(checked: CheckedStaff[]) {
  return checked.map((c) => ({
    staffId: c.staffId,
    kind: c.competence.kind,
    validTo: c.competence.kind === 'delegation' ? c.competence.validTo.toISOString() : null,
  }));
}
