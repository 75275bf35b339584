import { z } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { reusableQuery } from '../../db/reusable-query.ts';
import type { Context } from 'hono';
import { assignments, staff, visits } from '../../db/schema/index.ts';
import type { AppEnv } from '../app-env.ts';
import type { AuditSubject } from '../audit/record.ts';
import { type Principal, type Role, inMunicipalityScope } from '../auth/principal.ts';
import { EMERGENCY_HEADER, principalOf } from '../auth/scope.ts';
import type { PositionStore } from '../positions/positions.ts';
import type { ProposalStore } from '../sick-calls/proposals.ts';
import type { RepairDeps } from '../sick-calls/report-sick.ts';
import { AppError, notFound } from './errors.ts';
import { errorResponse } from './schemas.ts';

/**
 * Who may do what on the dispatch routes (README, Security). Every route also checks the
 * scope of the visit, caregiver or proposal it names: outside it the answer is 404.
 */
export const DISPATCH_ROLES = {
  /** Urgent calls, sick reports, accepting repairs: dispatching proper. */
  dispatch: ['dispatcher', 'admin'],
  /** Assign, reassign, unassign, pin, unpin, suggestions: planning as well. */
  plan: ['dispatcher', 'scheduler', 'admin'],
  /** Visit status: dispatchers, and a caregiver for the visits assigned to them. */
  status: ['dispatcher', 'admin', 'caregiver'],
  /** Positions: dispatchers, and a caregiver for themselves. */
  position: ['dispatcher', 'admin', 'caregiver'],
  /** Late-risk alerts: whoever watches the day. */
  watch: ['dispatcher', 'scheduler', 'manager', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

/** The statuses a caregiver reports from the field. */
export const CAREGIVER_STATUSES = ['en_route', 'in_progress', 'done', 'no_access'] as const;

/** The service dependencies of a request. */
export function servicesOf(c: Context<AppEnv>): RepairDeps & {
  positions: PositionStore;
  proposals: ProposalStore;
} {
  const d = c.get('deps');
  return {
    db: d.database.db,
    bus: d.bus,
    now: d.now,
    positions: d.positions,
    proposals: d.proposals,
    solve: d.solve,
    travel: d.travel ?? undefined,
    liveState: d.liveState,
    rankWorker: d.rankWorker ?? undefined,
  };
}

/** Dispatching is acting, not reading a record: emergency access does not apply here. */
export function refuseEmergency(c: Context<AppEnv>): void {
  if (c.req.header(EMERGENCY_HEADER) === undefined) return;
  throw new AppError(400, 'validation_failed', 'Emergency access is not for dispatch routes', [
    { field: `header.${EMERGENCY_HEADER.toLowerCase()}`, message: 'not allowed here' },
  ]);
}

export interface ScopedVisit extends AuditSubject {
  id: string;
  status: (typeof visits.$inferSelect)['status'];
}

const scopeVisitQuery = reusableQuery<ScopedVisit[]>('scope_visit', (db) =>
  db
    .select({
      id: visits.id,
      patientId: visits.patientId,
      municipalityCode: visits.municipalityCode,
      status: visits.status,
    })
    .from(visits)
    .where(eq(visits.id, sql.placeholder('id'))),
);

const scopeStaffQuery = reusableQuery<
  { id: string; municipalityCode: string; teamId: string; active: boolean }[]
>('scope_staff', (db) =>
  db
    .select({
      id: staff.id,
      municipalityCode: staff.municipalityCode,
      teamId: staff.teamId,
      active: staff.active,
    })
    .from(staff)
    .where(eq(staff.id, sql.placeholder('id'))),
);

/**
 * The visit named in the path, if the user may see it: in their municipalities, and for a
 * caregiver assigned to them. Otherwise 404, so a visit's existence is not revealed.
 */
export async function visitInScope(c: Context<AppEnv>, id: string): Promise<ScopedVisit> {
  const p = principalOf(c);
  const db = c.get('deps').database.db;
  const [v] = await scopeVisitQuery(db, { id });
  if (!v || !inMunicipalityScope(p, v.municipalityCode)) throw notFound('Visit', 'path.id');
  if (p.role === 'caregiver') {
    const mine = p.staffId
      ? await db
          .select({ id: assignments.id })
          .from(assignments)
          .where(and(eq(assignments.visitId, id), eq(assignments.staffId, p.staffId)))
      : [];
    if (mine.length === 0) throw notFound('Visit', 'path.id');
  }
  return v;
}

/**
 * visitInScope for reads that take the visit from the live state: its copy there answers
 * without a query (a visit's municipality and patient never change); a caregiver's scope
 * (their own visits) is always checked against the database.
 */
export async function liveVisitInScope(c: Context<AppEnv>, id: string): Promise<ScopedVisit> {
  const p = principalOf(c);
  const live = p.role === 'caregiver' ? undefined : c.get('deps').liveState?.visit(id);
  if (!live) return visitInScope(c, id);
  if (!inMunicipalityScope(p, live.municipalityCode)) throw notFound('Visit', 'path.id');
  return {
    id: live.id,
    patientId: live.patientId,
    municipalityCode: live.municipalityCode,
    status: live.status,
  };
}

/**
 * The caregiver named in the path, if the user may see them: in their municipalities and
 * teams, and for a caregiver only themselves. Otherwise 404.
 */
export async function staffInScope(
  c: Context<AppEnv>,
  id: string,
): Promise<{ id: string; municipalityCode: string; active: boolean }> {
  const p: Principal = principalOf(c);
  const [s] = await scopeStaffQuery(c.get('deps').database.db, { id });
  const visible =
    s !== undefined &&
    inMunicipalityScope(p, s.municipalityCode) &&
    (p.role !== 'caregiver' || p.staffId === s.id) &&
    (p.role === 'admin' || p.teams.length === 0 || p.teams.includes(s.teamId));
  if (!visible) throw notFound('Caregiver', 'path.id');
  return { id: s.id, municipalityCode: s.municipalityCode, active: s.active };
}

/** The patients of these visits, for the audit log. */
export async function subjectsOfVisits(
  c: Context<AppEnv>,
  visitIds: string[],
): Promise<AuditSubject[]> {
  if (visitIds.length === 0) return [];
  return c
    .get('deps')
    .database.db.select({
      patientId: visits.patientId,
      municipalityCode: visits.municipalityCode,
    })
    .from(visits)
    .where(inArray(visits.id, visitIds));
}

/**
 * Runs a service and renames the fields its errors name (`body.visitId`) to where this
 * route takes them (`path.id`), so the client is told which part of its request was wrong.
 */
export async function withFields<T>(
  rename: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError)
      for (const d of err.details) if (d.field && rename[d.field]) d.field = rename[d.field];
    throw err;
  }
}

export const subject = (v: AuditSubject): AuditSubject => ({
  patientId: v.patientId,
  municipalityCode: v.municipalityCode,
});

export const json = <T extends z.ZodTypeAny>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

export { errorResponse };
