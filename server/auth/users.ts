import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userMunicipalities, userTeams, users } from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';
import { hashPassword, type ScryptCost } from './password.ts';
import type { UserRole } from '../../db/reference/roles.ts';
import type { Principal, Role } from './principal.ts';
import type { PrincipalCache } from './principal-cache.ts';
import { notifyPrincipalsChanged } from './principal-invalidation.ts';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  municipalities: string[];
  teams?: string[];
  staffId?: string | null;
}

/** Creates a user with their scope in one transaction; returns the new id. */
export async function createUser(db: Db, u: NewUser, cost?: ScryptCost): Promise<string> {
  const passwordHash = await hashPassword(u.password, cost);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ username: u.username, passwordHash, role: u.role, staffId: u.staffId ?? null })
      .returning({ id: users.id });
    if (u.municipalities.length) {
      await tx
        .insert(userMunicipalities)
        .values(u.municipalities.map((municipalityCode) => ({ userId: row.id, municipalityCode })));
    }
    if (u.teams?.length) {
      await tx.insert(userTeams).values(u.teams.map((teamId) => ({ userId: row.id, teamId })));
    }
    return row.id;
  });
}

/**
 * Disables a user: their tokens stop working in every process, and their live sockets close,
 * as soon as the NOTIFY sent with the commit arrives (at once in this one, by `principals`).
 */
export async function disableUser(
  db: Db,
  userId: string,
  at: Date,
  principals?: PrincipalCache,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: at }).where(eq(users.id, userId));
    await notifyPrincipalsChanged(tx);
  });
  principals?.invalidate();
}

export async function findUserByName(db: Db, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

/** The principal of an enabled user, with their municipalities and teams. */
export async function loadPrincipal(db: Db | Tx, userId: string): Promise<Principal | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt) return null;
  const [ms, ts] = await Promise.all([
    db
      .select({ code: userMunicipalities.municipalityCode })
      .from(userMunicipalities)
      .where(eq(userMunicipalities.userId, userId)),
    db.select({ id: userTeams.teamId }).from(userTeams).where(eq(userTeams.userId, userId)),
  ]);
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    municipalities: ms.map((m) => m.code).sort(),
    teams: ts.map((t) => t.id).sort(),
    staffId: user.staffId,
  };
}

// The database enum (db/reference/roles.ts) and the Principal roles must be one list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rolesAgree: Same<UserRole, Role> = true;
void rolesAgree;
