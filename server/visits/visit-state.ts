import { and, asc, eq, sql } from 'drizzle-orm';
import { reusableQuery } from '../../db/reusable-query.ts';
import { assignments, visits } from '../../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import type { CommandDeps } from '../commands/run-command.ts';
import type { Tx } from '../events/append-events.ts';
import { visitView } from './visit-view.ts';
import { toLocalIso } from '../domain/stockholm-time.ts';

/** What the visit commands need (see runCommand). */
export type DispatchDeps = CommandDeps;

type VisitRow = typeof visits.$inferSelect;

/** A visit with its caregivers: what services return and events carry (no patient data). */
export function visitState(
  v: VisitRow,
  rows: { staffId: string; plannedStart: Date; routeOrder: number }[],
) {
  return {
    ...visitView(v),
    assignees: rows.map((a) => ({
      staffId: a.staffId,
      plannedStart: a.plannedStart.toISOString(),
      plannedStartLocal: toLocalIso(a.plannedStart),
      routeOrder: a.routeOrder,
    })),
  };
}
export type VisitState = ReturnType<typeof visitState>;

type AssigneeRow = { staffId: string; plannedStart: Date; routeOrder: number };

const id = sql.placeholder('id');

const assigneesQuery = reusableQuery<AssigneeRow[]>('visit_assignees', (db) =>
  db
    .select({
      staffId: assignments.staffId,
      plannedStart: assignments.plannedStart,
      routeOrder: assignments.routeOrder,
    })
    .from(assignments)
    .where(eq(assignments.visitId, id))
    .orderBy(asc(assignments.staffId)),
);
const assigneesOf = (tx: Tx, visitId: string) => assigneesQuery(tx, { id: visitId });

const visitQuery = reusableQuery<VisitRow[]>('visit_by_id', (db) =>
  db.select().from(visits).where(eq(visits.id, id)),
);

/** The visit row and its caregivers, read together (one round trip on PostgreSQL). */
function readVisit(tx: Tx, visitId: string) {
  return Promise.all([visitQuery(tx, { id: visitId }), assigneesOf(tx, visitId)]);
}

/** The visit and its caregivers, read together (one round trip on PostgreSQL). */
export async function loadVisitState(tx: Tx, visitId: string): Promise<VisitState | null> {
  const [[v], rows] = await readVisit(tx, visitId);
  return v ? visitState(v, rows) : null;
}

/**
 * A write based on a stale version. It is an ordinary 409 'conflict' AppError (the generic
 * error handler renders it, naming `body.expectedVersion`), and it also carries the visit as
 * it is now in `current`, so a route can return that for the client to redo its change.
 */
export class VersionConflict extends AppError {
  constructor(readonly current: VisitState) {
    super(409, 'conflict', 'The visit was changed by someone else', [
      {
        field: 'body.expectedVersion',
        message: `the visit is at version ${current.version} (status ${current.status})`,
      },
    ]);
    this.name = 'VersionConflict';
  }
}

export const visitNotFound = () =>
  new AppError(404, 'not_found', 'Visit not found', [
    { field: 'body.visitId', message: 'no such visit' },
  ]);

/** A visit about to change, with its caregivers as they are (by staff id). */
export type ChangingVisit = VisitRow & { assignees: AssigneeRow[] };

/**
 * Reads the visit for a change, with its caregivers, and refuses at once when the caller's
 * version is stale.
 */
export async function visitForChange(
  tx: Tx,
  visitId: string,
  expected: number,
): Promise<ChangingVisit> {
  const [[v], rows] = await readVisit(tx, visitId);
  if (!v) throw visitNotFound();
  if (v.version !== expected) throw new VersionConflict(visitState(v, rows));
  return { ...v, assignees: rows };
}

type VersionedSet = Partial<Pick<VisitRow, 'status' | 'pinned'>>;
const bumpQueries = new Map<string, ReturnType<typeof buildBump>>();

/** The version bump that sets these fields (one statement per set of fields). */
function bumpQuery(set: VersionedSet) {
  const fields = (['status', 'pinned'] as const).filter((f) => set[f] !== undefined);
  const key = fields.join('_');
  let q = bumpQueries.get(key);
  if (!q) bumpQueries.set(key, (q = buildBump(key, fields)));
  return q;
}

function buildBump(key: string, fields: readonly ('status' | 'pinned')[]) {
  return reusableQuery<VisitRow[]>(`visit_bump_${key}`, (db) =>
    db
      .update(visits)
      .set({
        ...Object.fromEntries(fields.map((f) => [f, sql.placeholder(f)])),
        version: sql`${visits.version} + 1`,
        updatedAt: sql`${sql.placeholder('now')}::timestamptz`,
      })
      .where(and(eq(visits.id, id), eq(visits.version, sql.placeholder('expected'))))
      .returning(),
  );
}

/**
 * The one write that decides races: `where id = … and version = expected`. The row lock
 * makes a concurrent writer wait and then find the version moved on, so exactly one wins
 * (PostgreSQL re-checks the condition after the wait; PGlite runs transactions one by one).
 */
export async function bumpVersion(
  tx: Tx,
  visitId: string,
  expected: number,
  now: Date,
  set: VersionedSet,
): Promise<VisitRow> {
  const [row] = await bumpQuery(set)(tx, {
    id: visitId,
    expected,
    now: now.toISOString(),
    ...set,
  });
  if (row) return row;
  const current = await loadVisitState(tx, visitId);
  if (!current) throw visitNotFound();
  throw new VersionConflict(current);
}
