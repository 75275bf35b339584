import { and, asc, eq, getTableColumns, gte, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { dischargeCases, dischargeMessages, patients } from '../../db/schema/index.ts';
import type { DataScope } from '../auth/scope.ts';

/** Open cases: not yet discharged nor cancelled. */
const OPEN = ['admitted', 'ready'] as const;

const inScope = (scope: DataScope): SQL[] =>
  scope.municipalities === null
    ? []
    : [inArray(dischargeCases.municipalityCode, scope.municipalities)];

/** A case with what the list shows of its patient, read in the same query (no N+1). */
const withPatient = {
  ...getTableColumns(dischargeCases),
  patientName: patients.name,
  locationConfirmed: patients.locationConfirmed,
};

export async function listOpenCases(db: Db, municipality: string | undefined, scope: DataScope) {
  const parts = [inArray(dischargeCases.status, [...OPEN]), ...inScope(scope)];
  if (municipality) parts.push(eq(dischargeCases.municipalityCode, municipality));
  return db
    .select(withPatient)
    .from(dischargeCases)
    .innerJoin(patients, eq(patients.id, dischargeCases.patientId))
    .where(and(...parts))
    .orderBy(asc(dischargeCases.createdAt))
    .limit(2000);
}

/** Ready-for-discharge and discharge times of the cases discharged since `since`, in scope. */
export async function dischargedStays(
  db: Db,
  municipality: string | undefined,
  scope: DataScope,
  since: Date,
) {
  const parts = [
    eq(dischargeCases.status, 'discharged'),
    isNotNull(dischargeCases.readyAt),
    gte(dischargeCases.dischargedAt, since),
    ...inScope(scope),
  ];
  if (municipality) parts.push(eq(dischargeCases.municipalityCode, municipality));
  const rows = await db
    .select({ readyAt: dischargeCases.readyAt, dischargedAt: dischargeCases.dischargedAt })
    .from(dischargeCases)
    .where(and(...parts))
    .limit(20_000);
  return rows.flatMap((r) =>
    r.readyAt && r.dischargedAt ? [{ readyAt: r.readyAt, dischargedAt: r.dischargedAt }] : [],
  );
}

/**
 * The cases in scope closed (discharged or cancelled) since `since` after a ready-for-discharge:
 * what their clock needs, no patient (the summary's month cost).
 */
export async function closedSince(
  db: Db,
  municipality: string | undefined,
  scope: DataScope,
  since: Date,
) {
  const parts = [
    inArray(dischargeCases.status, ['discharged', 'cancelled']),
    isNotNull(dischargeCases.readyAt),
    sql`coalesce(${dischargeCases.dischargedAt}, ${dischargeCases.cancelledAt}) >= ${since.toISOString()}::timestamptz`,
    ...inScope(scope),
  ];
  if (municipality) parts.push(eq(dischargeCases.municipalityCode, municipality));
  return db
    .select({
      municipalityCode: dischargeCases.municipalityCode,
      careType: dischargeCases.careType,
      sipNeeded: dischargeCases.sipNeeded,
      readyAt: dischargeCases.readyAt,
      dischargedAt: dischargeCases.dischargedAt,
      cancelledAt: dischargeCases.cancelledAt,
    })
    .from(dischargeCases)
    .where(and(...parts))
    .limit(20_000);
}

/** One case in scope with its patient's name and number, or undefined (the caller answers 404 either way). */
export async function getCase(db: Db, id: string, scope: DataScope) {
  const [row] = await db
    .select({ ...withPatient, personalNumber: patients.personalNumber })
    .from(dischargeCases)
    .innerJoin(patients, eq(patients.id, dischargeCases.patientId))
    .where(and(eq(dischargeCases.id, id), ...inScope(scope)));
  return row;
}

export async function caseMessages(db: Db, caseId: string) {
  return db.select().from(dischargeMessages).where(eq(dischargeMessages.caseId, caseId));
}
