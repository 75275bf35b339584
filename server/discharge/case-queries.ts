import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { dischargeCases, dischargeMessages } from '../../db/schema/index.ts';
import type { DataScope } from '../auth/scope.ts';

/** Open cases: not yet discharged nor cancelled. */
const OPEN = ['admitted', 'ready'] as const;

const inScope = (scope: DataScope): SQL[] =>
  scope.municipalities === null
    ? []
    : [inArray(dischargeCases.municipalityCode, scope.municipalities)];

export async function listOpenCases(db: Db, municipality: string | undefined, scope: DataScope) {
  const parts = [inArray(dischargeCases.status, [...OPEN]), ...inScope(scope)];
  if (municipality) parts.push(eq(dischargeCases.municipalityCode, municipality));
  return db
    .select()
    .from(dischargeCases)
    .where(and(...parts))
    .orderBy(asc(dischargeCases.createdAt))
    .limit(2000);
}

/** One case in scope, or undefined (the caller answers 404 either way). */
export async function getCase(db: Db, id: string, scope: DataScope) {
  const [row] = await db
    .select()
    .from(dischargeCases)
    .where(and(eq(dischargeCases.id, id), ...inScope(scope)));
  return row;
}

export async function caseMessages(db: Db, caseId: string) {
  return db.select().from(dischargeMessages).where(eq(dischargeMessages.caseId, caseId));
}
