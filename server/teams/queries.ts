import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { teams } from '../../db/schema/index.ts';
import type { DataScope } from '../auth/scope.ts';

/** A municipality's teams by name; a team-scoped user sees only their own teams. */
export async function listTeams(db: Db, municipality: string, scope: DataScope) {
  const parts: SQL[] = [eq(teams.municipalityCode, municipality)];
  if (scope.teams.length) parts.push(inArray(teams.id, scope.teams));
  const items = await db
    .select({ id: teams.id, name: teams.name, municipalityCode: teams.municipalityCode })
    .from(teams)
    .where(and(...parts))
    .orderBy(asc(teams.name), asc(teams.id));
  return { items };
}
