/**
 * Hostile input: thousands of malformed and random requests to every route, with and without
 * valid tokens. Nothing may answer 5xx, and no domain table may change (audit rows and
 * sessions may grow: reading is audited and failed log-ins are allowed to be tried).
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { ROLES } from '../../server/auth/principal.ts';
import { FOREIGN, OWN, insertUsers, loginAs, testApp } from '../support/auth.ts';
import { dbKinds, freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
import { MATRIX } from './auth/matrix.ts';

const RUNS = 1500;
const TABLES = [
  'municipalities',
  'bases',
  'teams',
  'staff',
  'patients',
  'patient_exclusions',
  'care_plans',
  'delegations',
  'shifts',
  'visits',
  'assignments',
  'events',
  'event_sequences',
  'users',
  'user_municipalities',
  'user_teams',
];

/** Row count and a checksum of every row of every domain table. */
async function snapshot(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const result = await database.db.execute<{ n: number; h: string }>(
      sql`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.identifier(table)} t`,
    );
    const rows = Array.isArray(result)
      ? result
      : (result as unknown as { rows: { n: number; h: string }[] }).rows;
    out[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

const ascii = (maxLength = 40) => fc.string({ unit: 'grapheme-ascii', maxLength });
const nasty = fc.constantFrom(
  "' OR 1=1 --",
  '0180; drop table patients',
  '..%2F..%2Fpackage.json',
  '%00',
  '%F0%9F%92%A9',
  '-1',
  '1e309',
  'NaN',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  'a'.repeat(300),
);
const segment = fc.oneof(
  fc.constantFrom(
    IDS.patient,
    IDS.patientSolna,
    IDS.visitEvening,
    IDS.rn,
    OWN,
    FOREIGN,
    '9999',
    'swagger-ui.css',
  ),
  fc.uuid(),
  nasty,
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);
const QUERY_KEYS = [
  'municipality',
  'limit',
  'offset',
  'date',
  'status',
  'patient',
  'profession',
  'active',
  'sample',
  'seed',
  'days',
];
const query = fc.dictionary(
  fc.oneof(fc.constantFrom(...QUERY_KEYS), ascii(10)),
  fc.oneof(
    segment,
    fc.integer().map(String),
    fc.constantFrom('0180', '0184', 'true', '2026-11-23', 'assigned,unassigned', ''),
  ),
  { maxKeys: 4 },
);

// Visit- and user-shaped bodies that are never valid: an unknown patient or a foreign pair for
// visits, a too-short password for users. Deep paths of the handlers are reached all the same.
const visitish = fc.record(
  {
    municipality: fc.constantFrom('0180', '9999', 'abc', ''),
    patientId: fc.oneof(fc.uuid(), fc.constant(IDS.patientSolna), fc.constant('not-a-uuid')),
    windowStart: fc.oneof(
      fc.constantFrom('2026-11-23T14:00', '2027-03-28T02:30', '2026-10-25T02:30', 'tomorrow'),
      ascii(),
    ),
    windowEnd: fc.oneof(fc.constantFrom('2026-11-23T15:00+01:00', '2026-11-20T15:00'), ascii()),
    durationMinutes: fc.oneof(fc.integer(), fc.double(), fc.string()),
    taskTypes: fc.oneof(fc.constant(['wound_dressing']), fc.array(fc.string(), { maxLength: 12 })),
    staffCount: fc.oneof(fc.constantFrom(1, 2, 3), fc.anything()),
  },
  { requiredKeys: [] },
);
const userish = fc.record(
  {
    username: fc.oneof(fc.constantFrom('admin', 'dispatcher-0180', 'x'), ascii(70)),
    password: fc.string({ maxLength: 11 }),
    role: fc.oneof(fc.constantFrom(...ROLES), fc.string()),
    municipalities: fc.array(fc.oneof(fc.constantFrom(OWN, '9999'), fc.string()), {
      maxLength: 30,
    }),
  },
  { requiredKeys: [] },
);
const loginish = fc.record(
  {
    username: fc.oneof(fc.constantFrom('admin', 'dispatcher-0180'), ascii(70)),
    password: fc.string({ maxLength: 300 }),
  },
  { requiredKeys: [] },
);
// Dispatch-shaped bodies that never make a change: the version is never current, the
// position never on Earth and the sick time never a real one (it is always there, or `{}`
// would be a valid sick report).
const dispatchish = fc.record(
  {
    staffIds: fc.oneof(
      fc.array(fc.constantFrom(IDS.rn, IDS.rnSolna), { maxLength: 3 }),
      fc.anything(),
    ),
    expectedVersion: fc.constantFrom(0, -1, 999, 1.5, '1', null),
    status: fc.oneof(fc.constantFrom('en_route', 'done', 'cancelled', 'assigned'), ascii(12)),
    lat: fc.oneof(fc.constantFrom(91, -90.5, Number.MAX_VALUE, '59.3'), fc.double({ min: 90.001 })),
    lon: fc.oneof(fc.constantFrom(18, 181, '18.0'), fc.double()),
    at: fc.oneof(fc.constantFrom('2027-03-28T02:30', '2026-10-25T02:30', 'now'), ascii(20)),
    visitIds: fc.array(fc.uuid(), { maxLength: 3 }),
  },
  { requiredKeys: ['at'] },
);
const body = fc.oneof(
  dispatchish.map((b) => JSON.stringify(b)),
  fc.constant(undefined),
  fc.json().map((j) => j),
  fc.string({ maxLength: 200 }),
  visitish.map((b) => JSON.stringify(b)),
  userish.map((b) => JSON.stringify(b)),
  loginish.map((b) => JSON.stringify(b)),
  fc.constant(JSON.stringify({ padding: 'x'.repeat(70_000) })),
  fc.constant('{"municipality": "0180",'),
);

// Mostly real routes with their own method, so that requests get past the router.
const routed = fc
  .tuple(fc.constantFrom(...MATRIX.map((r) => r.route.split(' '))), segment)
  .map(([[method, template], s]) => ({ method, path: template.replace(/:[A-Za-z]+/, s) }));
const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');
const target = fc.oneof(
  { arbitrary: routed, weight: 6 },
  { arbitrary: fc.record({ method: anyMethod, path: routed.map((r) => r.path) }), weight: 1 },
  {
    arbitrary: fc.record({
      method: anyMethod,
      path: fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => `/api/${p.join('/')}`),
    }),
    weight: 1,
  },
);

type Auth =
  { kind: 'valid' | 'tampered'; i: number } | { kind: 'none' } | { kind: 'raw'; s: string };
const auth: fc.Arbitrary<Auth> = fc.oneof(
  { arbitrary: fc.nat(9).map((i) => ({ kind: 'valid' as const, i })), weight: 6 },
  { arbitrary: fc.nat(9).map((i) => ({ kind: 'tampered' as const, i })), weight: 1 },
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
  { arbitrary: ascii(80).map((s) => ({ kind: 'raw' as const, s })), weight: 1 },
);

describe.each(dbKinds())('fuzzing every route on %s', (kind) => {
  let database: Database;
  let app: App;
  let tokens: string[];
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    app = await testApp(database);
    tokens = [];
    for (const role of ROLES)
      for (const m of [OWN, FOREIGN]) tokens.push(await loginAs(app, role, m));
  });
  afterAll(async () => database.close());

  it(`answers ${RUNS} hostile requests without a 5xx and without changing the data`, async () => {
    const before = await snapshot(database);
    const request = fc.record({
      target,
      query,
      body,
      auth,
      contentType: fc.option(
        fc.oneof(
          fc.constantFrom(
            'application/json',
            'application/json; charset=utf-8',
            'text/plain',
            'multipart/form-data; boundary=x',
            'application/x-www-form-urlencoded',
          ),
          ascii(30),
        ),
      ),
      emergency: fc.option(ascii(60)),
      requestId: fc.option(ascii(80)),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        const a = r.auth;
        if (a.kind === 'valid') headers['authorization'] = `Bearer ${tokens[a.i]}`;
        if (a.kind === 'tampered')
          headers['authorization'] = `Bearer ${tokens[a.i].slice(0, -2)}xx`;
        if (a.kind === 'raw') headers['authorization'] = a.s;
        const { method, path } = r.target;
        if (r.contentType !== null) headers['content-type'] = r.contentType;
        if (r.emergency !== null) headers['x-emergency-access-reason'] = r.emergency;
        if (r.requestId !== null) headers['x-request-id'] = r.requestId;
        const qs = new URLSearchParams(r.query).toString();
        const hasBody = r.body !== undefined && method !== 'GET' && method !== 'HEAD';
        const res = await app.request(`${path}${qs ? `?${qs}` : ''}`, {
          method,
          headers,
          body: hasBody ? r.body : undefined,
        });
        const text = await res.text();
        expect(res.status, `${method} ${path} → ${text.slice(0, 200)}`).toBeLessThan(500);
        // A log-out that worked revoked that token: replace it so the run keeps going deep.
        if (res.status === 204 && a.kind === 'valid') {
          const role = ROLES[Math.floor(a.i / 2)];
          tokens[a.i] = await loginAs(await testApp(database), role, a.i % 2 ? FOREIGN : OWN);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env['FUZZ_SEED'] ?? 20261123) },
    );
    expect(await snapshot(database)).toEqual(before);
  }, 120_000);
});
