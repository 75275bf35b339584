import type { HubLimits } from '../../server/live/limits.ts';
import type { Database, Db } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import type { PrincipalCache } from '../../server/auth/principal-cache.ts';
import { type ComposedServer, type ServerParts, composeServer } from '../../server/compose.ts';
import type { SolveFn } from '../../server/sick-calls/report-sick.ts';
import { authSettings } from '../../server/auth/secrets.ts';
import { type Logger, createLogger } from '../../server/logger.ts';
import { ROLES, type Role } from '../../server/auth/principal.ts';
import { createUser } from '../../server/auth/users.ts';
import { closeWithDatabase } from './databases.ts';
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

export interface TestServerOptions {
  now?: () => Date;
  secrets?: string[];
  ttlMs?: number;
  logger?: Logger;
  /** The test's own principal cache (the test starts and stops it). */
  principals?: PrincipalCache;
  /** Defaults to RANK_WORKER=off (ranking on the request thread), to spare the test threads. */
  config?: ServerParts['config'];
  solve?: SolveFn;
  /** The web app served at `/`: web/dist unless a test gives its own page. */
  webDist?: string;
  /** The live hub's bounds (e.g. a small resume backlog). */
  liveLimits?: Partial<HubLimits>;
  /** Planning jobs: the solve (default: the solver's worker thread) and the worker's timings. */
  planningSolve?: NonNullable<ServerParts['overrides']>['planningSolve'];
  planningWorker?: NonNullable<ServerParts['overrides']>['planningWorker'];
}

/** RANK_WORKER=off, a choice production may make too; tests of the workers turn them on. */
export const TEST_CONFIG: ServerParts['config'] = { RANK_WORKER: 'off', RANK_WORKERS: 1 };

/**
 * The server as tests build it: composeServer, as main.ts does, with a pinned clock and
 * cheap password hashing. Closing the database (freshDatabase) closes it first.
 */
export async function testServer(
  database: Database,
  options: TestServerOptions = {},
): Promise<ComposedServer> {
  const [current, ...previous] = options.secrets ?? [TEST_SECRET];
  const server = await composeServer({
    config: options.config ?? TEST_CONFIG,
    database,
    logger: options.logger ?? createLogger('silent'),
    now: options.now ?? (() => FIXED_NOW),
    auth: authSettings(current, previous, options.ttlMs, TEST_COST),
    overrides: {
      principals: options.principals && { cache: options.principals, close: async () => {} },
      solve: options.solve,
      webDist: options.webDist,
      liveLimits: options.liveLimits,
      planningSolve: options.planningSolve,
      planningWorker: options.planningWorker,
    },
  });
  closeWithDatabase(database, server.close);
  return server;
}

/** The app of a test server (see testServer). */
export async function testApp(database: Database, options: TestServerOptions = {}): Promise<App> {
  return (await testServer(database, options)).app;
}
