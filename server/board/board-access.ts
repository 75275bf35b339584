import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { teams } from '../../db/schema/index.ts';
import type { Principal, Role } from '../auth/principal.ts';
import { assertMunicipalityAllowed } from '../auth/scope.ts';
import { AppError } from '../http/errors.ts';
import { assertMunicipality } from '../municipalities/queries.ts';

/**
 * Who reads the board: the managers (enhetschef, MAS) it is for, the schedulers who plan for
 * the continuity and punctuality it shows, and the admin. Dispatchers and caregivers work the
 * day itself and do not need the aggregates.
 */
export const BOARD_ROLES: readonly Role[] = ['manager', 'scheduler', 'admin'];

/**
 * The municipality and team a board request names, checked: the municipality exists and is
 * the user's; the team is one of the municipality's and, for a user scoped to teams, one of
 * theirs. A team-scoped user who names no team gets their only team, or is asked to name one.
 */
export async function boardTarget(
  db: Db,
  p: Principal,
  municipality: string,
  team: string | undefined,
): Promise<string | null> {
  await assertMunicipality(db, municipality, 'path.municipality');
  assertMunicipalityAllowed(p, municipality, 'path.municipality');
  if (team === undefined) {
    if (p.teams.length === 0 || p.role === 'admin') return null;
    const mine = await teamsOf(db, municipality, p.teams);
    if (mine.length === 1) return mine[0];
    throw new AppError(403, 'forbidden', 'Your scope is some teams: name one', [
      { field: 'query.team', message: `one of ${mine.join(', ') || 'your teams'}` },
    ]);
  }
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, team), eq(teams.municipalityCode, municipality)));
  if (!row)
    throw new AppError(404, 'not_found', 'No such team in this municipality', [
      { field: 'query.team', message: `no team ${team} in ${municipality}` },
    ]);
  if (p.role !== 'admin' && p.teams.length > 0 && !p.teams.includes(team))
    throw new AppError(403, 'forbidden', 'The team is outside your scope', [
      { field: 'query.team', message: 'outside your scope' },
    ]);
  return team;
}

async function teamsOf(db: Db, municipality: string, ids: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(eq(teams.municipalityCode, municipality));
  return rows.map((r) => r.id).filter((id) => ids.includes(id));
}
