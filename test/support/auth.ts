import type { Database, Db } from '../../db/client.ts';
import { type App, createApp } from '../../server/app.ts';
import type { PrincipalCache } from '../../server/auth/principal-cache.ts';
import { authSettings } from '../../server/auth/secrets.ts';
import { type Logger, createLogger } from '../../server/logger.ts';
import { ROLES, type Role } from '../../server/auth/principal.ts';
import { createUser } from '../../server/auth/users.ts';
import { IDS } from './fixtures.ts';

/** Cheap scrypt for test users: the format carries the cost, so log-in still verifies it. */
export const TEST_COST = { N: 1024, r: 8, p: 1 };
export const OWN = '0180';
export const FOREIGN = '0184';

export const usernameOf = (role: Role, municipality: string) =>
  role === 'admin' ? 'admin' : `${role}-${municipality}`;
export const passwordOf = (role: Role, municipality: string) =>
  `pw-${usernameOf(role, municipality)}-secret`;

/** One user per role in each fixture municipality (caregivers are the RNs), and one admin. */
export async function insertUsers(db: Db): Promise<void> {
  const caregiver: Record<string, string> = { [OWN]: IDS.rn, [FOREIGN]: IDS.rnSolna };
  await createUser(
    db,
    { username: 'admin', password: passwordOf('admin', OWN), role: 'admin', municipalities: [] },
    TEST_COST,
  );
  for (const municipality of [OWN, FOREIGN]) {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await createUser(
        db,
        {
          username: usernameOf(role, municipality),
          password: passwordOf(role, municipality),
          role,
          municipalities: [municipality],
          staffId: role === 'caregiver' ? caregiver[municipality] : null,
        },
        TEST_COST,
      );
    }
  }
}

const tokens = new WeakMap<App, Map<string, string>>();

/** Logs in (once per app and user) and returns the bearer token. */
export async function loginAs(app: App, role: Role, municipality = OWN): Promise<string> {
  const username = usernameOf(role, municipality);
  const cache = tokens.get(app) ?? new Map<string, string>();
  tokens.set(app, cache);
  const cached = cache.get(username);
  if (cached) return cached;
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: passwordOf(role, municipality) }),
  });
  if (res.status !== 200)
    throw new Error(`log-in as ${username}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  cache.set(username, token);
  return token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A fixed clock for tests: 13:00 in Stockholm on the fixture's day. */
export const FIXED_NOW = new Date('2026-11-23T12:00:00Z');
export const TEST_SECRET = 'test-secret-0123456789-0123456789-abcdef';

/** The app as tests build it: the real one, a pinned clock, cheap password hashing. */
export function testApp(
  database: Database,
  options: {
    now?: () => Date;
    secrets?: string[];
    ttlMs?: number;
    logger?: Logger;
    principals?: PrincipalCache;
  } = {},
): App {
  const [current, ...previous] = options.secrets ?? [TEST_SECRET];
  return createApp({
    database,
    logger: options.logger ?? createLogger('silent'),
    now: options.now ?? (() => FIXED_NOW),
    auth: authSettings(current, previous, options.ttlMs, TEST_COST),
    principals: options.principals,
  });
}
