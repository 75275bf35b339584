import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Database, type Db, perDatabase } from '../../db/client.ts';
import { sessions, userMunicipalities, userTeams, users } from '../../db/schema/index.ts';
import type { Principal } from './principal.ts';
import type { PrincipalCache } from './principal-cache.ts';
import { notifyPrincipalsChanged } from './principal-invalidation.ts';
import {
  type AuthSettings,
  EPHEMERAL_AUTH,
  issueToken,
  tokenHash,
  tokenSignatureValid,
} from './secrets.ts';

/** What authentication needs from the app's dependencies (AppDeps satisfies it). */
export interface AuthDeps {
  database: Database;
  now: () => Date;
  auth?: AuthSettings;
  /** Principals of recent tokens (server/main.ts); absent: every request asks the database. */
  principals?: PrincipalCache;
}

export const settingsOf = (deps: AuthDeps): AuthSettings => deps.auth ?? EPHEMERAL_AUTH;

export async function openSession(deps: AuthDeps, userId: string) {
  const settings = settingsOf(deps);
  const token = issueToken(settings);
  const expiresAt = new Date(deps.now().getTime() + settings.sessionTtlMs);
  await deps.database.db
    .insert(sessions)
    .values({ tokenHash: tokenHash(token), userId, expiresAt });
  return { token, expiresAt };
}

/**
 * Log-out: the token stops working in this process at once, and in every other as soon as
 * the NOTIFY sent with the commit reaches it (their cached principals are dropped).
 */
export async function revokeSession(deps: AuthDeps, token: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: deps.now() })
      .where(and(eq(sessions.tokenHash, tokenHash(token)), isNull(sessions.revokedAt)));
    await notifyPrincipalsChanged(tx);
  });
  deps.principals?.invalidate();
}

/**
 * Who a bearer token belongs to, or null when it is malformed, signed by an unknown secret,
 * expired, revoked, or its user is disabled. Used by the HTTP middleware and by the WebSocket
 * handshake (server/live): call it with the token the client sent, refuse the upgrade on null,
 * and check each municipality the client asks for with `inMunicipalityScope(principal, code)`.
 */
export async function authenticateToken(deps: AuthDeps, token: string): Promise<Principal | null> {
  return (await authenticateSession(deps, token))?.principal ?? null;
}

/**
 * authenticateToken with the session's end (ms): the live hub closes a socket when its
 * token expires.
 */
export async function authenticateSession(
  deps: AuthDeps,
  token: string,
): Promise<{ principal: Principal; expiresAt: number } | null> {
  // The signature check is free: forged or random tokens never reach the database.
  if (!tokenSignatureValid(settingsOf(deps), token)) return null;
  const hash = tokenHash(token);
  const cache = deps.principals;
  const now = deps.now();
  const cached = cache?.lookup(hash, now.getTime());
  if (cached) return cached;
  const generation = cache?.generation ?? 0;
  const [row] = await principalQuery(deps.database.db).execute({
    hash,
    now: now.toISOString(),
  });
  if (!row) return null;
  const { expiresAt, ...principal } = row;
  cache?.put(hash, principal, expiresAt.getTime(), now.getTime(), generation);
  return { principal, expiresAt: expiresAt.getTime() };
}

/**
 * One round trip per request: the session, its user and the user's scope together. Built
 * once per database as a prepared query: every request runs it, and building the SQL each
 * time cost more than running it.
 */
function buildPrincipalQuery(db: Db) {
  return db
    .select({
      userId: users.id,
      username: users.username,
      role: users.role,
      staffId: users.staffId,
      expiresAt: sessions.expiresAt,
      municipalities: sql<
        string[]
      >`coalesce((select array_agg(${userMunicipalities.municipalityCode} order by ${userMunicipalities.municipalityCode}) from ${userMunicipalities} where ${userMunicipalities.userId} = ${users.id}), '{}')`,
      teams: sql<
        string[]
      >`coalesce((select array_agg(${userTeams.teamId}::text order by ${userTeams.teamId}::text) from ${userTeams} where ${userTeams.userId} = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('hash')),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
        isNull(users.disabledAt),
      ),
    )
    .prepare('authenticate_token');
}

const principalQuery = perDatabase(buildPrincipalQuery);
