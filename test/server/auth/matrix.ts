/**
 * The authorisation matrix: every route of the app × every role × a request on the user's own
 * municipality (0180) and on a foreign one (0184) → the expected status. One row per route;
 * matrix.test.ts fails when the app has a route this table does not list.
 */
import type { Role } from '../../../server/auth/principal.ts';
import { IDS } from '../../support/fixtures.ts';

export type Target = 'own' | 'foreign';
export interface Req {
  path: string;
  method?: string;
  body?: unknown;
}
/** [own, foreign] status per role. */
export type Expected = Record<Role, [number, number]>;

export interface MatrixRow {
  /** As Hono registers it: `GET /api/patients/:id`. */
  route: string;
  /** Answers without a log-in (the rest must answer 401). */
  public?: boolean;
  /** Revokes the token used: give the request a fresh log-in. */
  freshToken?: boolean;
  request: (target: Target, role: Role) => Req;
  expect: Expected;
}

const every = (own: number, foreign: number): Expected => ({
  dispatcher: [own, foreign],
  scheduler: [own, foreign],
  manager: [own, foreign],
  caregiver: [own, foreign],
  admin: [own, foreign],
});
/** Own municipality allowed, foreign refused (the admin sees all). */
const scoped = (own: number, foreign: number): Expected => ({
  ...every(own, foreign),
  admin: [own, own],
});
const only = (roles: Role[], own: [number, number], other: [number, number]): Expected =>
  Object.fromEntries(
    (['dispatcher', 'scheduler', 'manager', 'caregiver', 'admin'] as Role[]).map((r) => [
      r,
      roles.includes(r) ? own : other,
    ]),
  ) as Expected;

const code = (t: Target) => (t === 'own' ? '0180' : '0184');
const pick = (t: Target, own: string, foreign: string) => (t === 'own' ? own : foreign);
let serial = 0;

const LIABILITY_DEFAULT = {
  liabilityDays: 2,
  dayZeroCounts: true,
  cutoffHour: 24,
  countsWorkingDays: false,
  dailyAmountSek: 9300,
};
const DEFAULT_LIABILITY = {
  somatic: LIABILITY_DEFAULT,
  psychiatric: { ...LIABILITY_DEFAULT, liabilityDays: 5 },
};

const visitBody = (t: Target) => ({
  municipality: code(t),
  patientId: pick(t, IDS.patient, IDS.patientSolna),
  windowStart: '2026-11-23T14:00:00+01:00',
  windowEnd: '2026-11-23T15:00:00+01:00',
  durationMinutes: 30,
  taskTypes: ['wound_dressing'],
});

export const MATRIX: MatrixRow[] = [
  {
    // The web app's pages (the test serves a fixed page, test/server/auth/web-page/): public,
    // as the log-in page must be; every datum on them comes from the routes below.
    route: 'GET /*',
    public: true,
    request: () => ({ path: '/console' }),
    expect: every(200, 200),
  },
  {
    route: 'GET /health',
    public: true,
    request: () => ({ path: '/health' }),
    expect: every(200, 200),
  },
  {
    route: 'GET /ready',
    public: true,
    request: () => ({ path: '/ready' }),
    expect: every(200, 200),
  },
  {
    route: 'GET /openapi.json',
    public: true,
    request: () => ({ path: '/openapi.json' }),
    expect: every(200, 200),
  },
  { route: 'GET /docs', public: true, request: () => ({ path: '/docs' }), expect: every(200, 200) },
  {
    route: 'GET /docs/assets/init.js',
    public: true,
    request: () => ({ path: '/docs/assets/init.js' }),
    expect: every(200, 200),
  },
  {
    route: 'GET /docs/assets/:file',
    public: true,
    request: () => ({ path: '/docs/assets/swagger-ui.css' }),
    expect: every(200, 200),
  },
  {
    route: 'GET /api/municipalities',
    public: true,
    request: () => ({ path: '/api/municipalities' }),
    expect: every(200, 200),
  },
  {
    route: 'GET /api/municipalities/:code',
    public: true,
    request: (t) => ({ path: `/api/municipalities/${code(t)}` }),
    expect: every(200, 200),
  },
  {
    // Own: the role's own credentials; foreign: the 0184 user's name with the own password.
    route: 'POST /api/auth/login',
    public: true,
    request: (t, role) => ({
      path: '/api/auth/login',
      method: 'POST',
      body: {
        username: role === 'admin' ? (t === 'own' ? 'admin' : 'admin-x') : `${role}-${code(t)}`,
        password: `pw-${role === 'admin' ? 'admin' : `${role}-0180`}-secret`,
      },
    }),
    expect: every(200, 401),
  },
  {
    route: 'POST /api/auth/logout',
    freshToken: true,
    request: () => ({ path: '/api/auth/logout', method: 'POST' }),
    expect: every(204, 204),
  },
  { route: 'GET /api/auth/me', request: () => ({ path: '/api/auth/me' }), expect: every(200, 200) },
  {
    route: 'POST /api/users',
    request: (t) => ({
      path: '/api/users',
      method: 'POST',
      body: {
        username: `new-user-${++serial}`,
        password: 'a long enough password',
        role: 'scheduler',
        municipalities: [code(t)],
      },
    }),
    expect: only(['admin'], [201, 201], [403, 403]),
  },
  {
    route: 'GET /api/staff',
    request: (t) => ({ path: `/api/staff?municipality=${code(t)}` }),
    expect: scoped(200, 403),
  },
  {
    route: 'GET /api/teams',
    request: (t) => ({ path: `/api/teams?municipality=${code(t)}` }),
    expect: scoped(200, 403),
  },
  {
    route: 'GET /api/staff/:id',
    request: (t) => ({ path: `/api/staff/${pick(t, IDS.rn, IDS.rnSolna)}` }),
    expect: scoped(200, 404),
  },
  {
    route: 'GET /api/patients',
    request: (t) => ({ path: `/api/patients?municipality=${code(t)}` }),
    expect: scoped(200, 403),
  },
  {
    route: 'GET /api/patients/:id',
    request: (t) => ({ path: `/api/patients/${pick(t, IDS.patient, IDS.patientSolna)}` }),
    expect: scoped(200, 404),
  },
  {
    route: 'GET /api/visits',
    request: (t) => ({ path: `/api/visits?municipality=${code(t)}` }),
    expect: scoped(200, 403),
  },
  {
    route: 'GET /api/visits/:id',
    request: (t) => ({ path: `/api/visits/${pick(t, IDS.visitEvening, IDS.visitSolna)}` }),
    expect: scoped(200, 404),
  },
  {
    route: 'POST /api/visits',
    request: (t) => ({ path: '/api/visits', method: 'POST', body: visitBody(t) }),
    expect: { ...only(['dispatcher', 'scheduler'], [201, 403], [403, 403]), admin: [201, 201] },
  },
  {
    route: 'GET /api/audit/patients/:id',
    request: (t) => ({ path: `/api/audit/patients/${pick(t, IDS.patient, IDS.patientSolna)}` }),
    expect: { ...only(['manager'], [200, 404], [403, 403]), admin: [200, 200] },
  },
  {
    route: 'GET /api/audit/review',
    request: (t) => ({ path: `/api/audit/review?municipality=${code(t)}` }),
    expect: { ...only(['manager'], [200, 403], [403, 403]), admin: [200, 200] },
  },
  {
    // Not per municipality: the process's own figures, no patient data.
    route: 'GET /api/live/stats',
    request: () => ({ path: '/api/live/stats' }),
    expect: only(['manager', 'admin'], [200, 200], [403, 403]),
  },
  {
    // Aggregates of measured travel, no patient data: the admin's, to tune the estimate.
    route: 'GET /api/travel/calibration',
    request: (t) => ({ path: `/api/travel/calibration?municipality=${code(t)}` }),
    expect: only(['admin'], [200, 200], [403, 403]),
  },

  // Dispatch. The visit changes send a stale version: a role allowed on the visit gets 409
  // (nothing changes, so the matrix can repeat them), one not allowed 403, a visit outside
  // the scope 404. Same idea for a sick report with a time that does not exist (400).
  {
    route: 'POST /api/dispatch/urgent-visits',
    request: (t) => ({
      path: '/api/dispatch/urgent-visits',
      method: 'POST',
      body: {
        municipality: code(t),
        patientId: pick(t, IDS.patient, IDS.patientSolna),
        taskTypes: ['wound_dressing'],
        priority: 'urgent2',
      },
    }),
    expect: { ...only(['dispatcher'], [201, 403], [403, 403]), admin: [201, 201] },
  },
  {
    route: 'GET /api/dispatch/visits/:id/suggestions',
    request: (t) => ({
      path: `/api/dispatch/visits/${pick(t, IDS.visitMorning, IDS.visitSolna)}/suggestions`,
    }),
    // The foreign visit is assigned: the admin, who may see it, is told so.
    expect: { ...only(['dispatcher', 'scheduler'], [200, 404], [403, 403]), admin: [200, 409] },
  },
  ...(['assign', 'unassign', 'pin', 'unpin'] as const).map((action): MatrixRow => ({
    route: `POST /api/dispatch/visits/:id/${action}`,
    request: (t) => ({
      path: `/api/dispatch/visits/${pick(t, IDS.visitEvening, IDS.visitSolna)}/${action}`,
      method: 'POST',
      body:
        action === 'assign'
          ? { staffIds: [pick(t, IDS.rn, IDS.rnSolna)], expectedVersion: 999 }
          : { expectedVersion: 999 },
    }),
    expect: { ...only(['dispatcher', 'scheduler'], [409, 404], [403, 403]), admin: [409, 409] },
  })),
  {
    // A caregiver only on the visits assigned to them (the evening visit is the RN's).
    route: 'POST /api/dispatch/visits/:id/status',
    request: (t) => ({
      path: `/api/dispatch/visits/${pick(t, IDS.visitEvening, IDS.visitSolna)}/status`,
      method: 'POST',
      body: { status: 'en_route', expectedVersion: 999 },
    }),
    expect: { ...only(['dispatcher', 'caregiver'], [409, 404], [403, 403]), admin: [409, 409] },
  },
  {
    // A caregiver only for themselves (caregiver-0180 is the RN).
    route: 'POST /api/dispatch/staff/:id/position',
    request: (t) => ({
      path: `/api/dispatch/staff/${pick(t, IDS.rn, IDS.rnSolna)}/position`,
      method: 'POST',
      body: { lat: 59.31, lon: 18.07 },
    }),
    expect: { ...only(['dispatcher', 'caregiver'], [200, 404], [403, 403]), admin: [200, 200] },
  },
  {
    route: 'POST /api/dispatch/staff/:id/sick',
    request: (t) => ({
      path: `/api/dispatch/staff/${pick(t, IDS.rn, IDS.rnSolna)}/sick`,
      method: 'POST',
      // Well formed but out of range: refused by the service, after the scope check.
      body: { at: '2020-01-01T12:00:00Z' },
    }),
    expect: { ...only(['dispatcher'], [400, 404], [403, 403]), admin: [400, 400] },
  },
  {
    route: 'POST /api/dispatch/repairs/:proposalId/accept',
    request: () => ({
      path: '/api/dispatch/repairs/no-such-proposal/accept',
      method: 'POST',
      body: {},
    }),
    expect: { ...only(['dispatcher'], [404, 404], [403, 403]), admin: [404, 404] },
  },
  {
    route: 'POST /api/planning/:municipality/days/:date/generate',
    // The fixture has no care plans: generating the day after changes nothing.
    request: (t) => ({
      path: `/api/planning/${code(t)}/days/2026-11-24/generate`,
      method: 'POST',
      body: {},
    }),
    expect: { ...only(['scheduler'], [200, 403], [403, 403]), admin: [200, 200] },
  },
  {
    route: 'GET /api/dispatch/late-risks',
    request: (t) => ({ path: `/api/dispatch/late-risks?municipality=${code(t)}` }),
    expect: {
      ...only(['dispatcher', 'scheduler', 'manager'], [200, 403], [403, 403]),
      admin: [200, 200],
    },
  },
  {
    route: 'GET /api/dispatch/day-routes',
    request: (t) => ({ path: `/api/dispatch/day-routes?municipality=${code(t)}&day=2026-11-23` }),
    expect: {
      ...only(['dispatcher', 'scheduler', 'manager'], [200, 403], [403, 403]),
      admin: [200, 200],
    },
  },
  {
    route: 'POST /api/planning/:municipality/days/:date/jobs',
    request: (t) => ({
      path: `/api/planning/${code(t)}/days/2026-11-01/jobs`,
      method: 'POST',
      // Well formed but past: refused by the service, after the scope check; nothing queued.
      body: { budgetSeconds: 1 },
    }),
    expect: { ...only(['scheduler'], [400, 403], [403, 403]), admin: [400, 400] },
  },
  ...(['', '/cancel', '/publish'] as const).map((suffix): MatrixRow => ({
    route: `${suffix ? 'POST' : 'GET'} /api/planning/jobs/:id${suffix}`,
    request: () => ({
      path: `/api/planning/jobs/00000000-0000-4000-8000-00000000f00d${suffix}`,
      method: suffix ? 'POST' : 'GET',
    }),
    expect: { ...only(['scheduler'], [404, 404], [403, 403]), admin: [404, 404] },
  })),
  {
    route: 'GET /api/planning/:municipality/settings',
    request: (t) => ({ path: `/api/planning/${code(t)}/settings` }),
    expect: { ...only(['scheduler'], [200, 403], [403, 403]), admin: [200, 200] },
  },
  {
    route: 'PUT /api/planning/:municipality/settings',
    // The defaults, saved: no other row of the matrix plans a day.
    request: (t) => ({
      path: `/api/planning/${code(t)}/settings`,
      method: 'PUT',
      body: { maxDistinctCaregivers: 0 },
    }),
    expect: { ...only(['scheduler'], [200, 403], [403, 403]), admin: [200, 200] },
  },
  {
    route: 'GET /api/planning/jobs/:id/comparison',
    request: () => ({ path: '/api/planning/jobs/00000000-0000-4000-8000-00000000f00d/comparison' }),
    expect: { ...only(['scheduler'], [404, 404], [403, 403]), admin: [404, 404] },
  },
  {
    route: 'GET /api/planning/jobs/:id/routes',
    request: () => ({ path: '/api/planning/jobs/00000000-0000-4000-8000-00000000f00d/routes' }),
    expect: { ...only(['scheduler'], [404, 404], [403, 403]), admin: [404, 404] },
  },
  ...(['moves', 'moves/preview'] as const).map((route): MatrixRow => ({
    route: `POST /api/planning/jobs/:id/${route}`,
    request: () => ({
      path: `/api/planning/jobs/00000000-0000-4000-8000-00000000f00d/${route}`,
      method: 'POST',
      body: {
        visitId: '00000000-0000-4000-8000-00000000f00e',
        staffId: '00000000-0000-4000-8000-00000000f00f',
      },
    }),
    expect: { ...only(['scheduler'], [404, 404], [403, 403]), admin: [404, 404] },
  })),
  // The manager's board: managers and schedulers of the municipality, and the admin.
  ...(
    [
      ['figures', '/figures?to=2026-11-23'],
      ['trends', '/trends?to=2026-11-23'],
      ['economics', '/economics?to=2026-11-23'],
      ['delegations-expiring', '/delegations-expiring'],
      ['continuity/patients', '/continuity/patients?to=2026-11-23'],
    ] as const
  ).map(([route, rest]): MatrixRow => ({
    route: `GET /api/board/:municipality/${route}`,
    request: (t) => ({ path: `/api/board/${code(t)}${rest}` }),
    expect: { ...only(['manager', 'scheduler'], [200, 403], [403, 403]), admin: [200, 200] },
  })),
  {
    // The county view: the municipalities of one's own scope, so no foreign case.
    route: 'GET /api/board/county',
    request: () => ({ path: '/api/board/county?to=2026-11-23' }),
    expect: only(['manager', 'scheduler', 'admin'], [200, 200], [403, 403]),
  },
  {
    // Whether the demo history is still being written: no municipality's data.
    route: 'GET /api/board/history',
    request: () => ({ path: '/api/board/history' }),
    expect: only(['manager', 'scheduler', 'admin'], [200, 200], [403, 403]),
  },
  {
    // The region's integration only, with its API key (test/server/discharge/): a person is refused.
    route: 'POST /api/discharge/messages',
    request: (t) => ({
      path: '/api/discharge/messages',
      method: 'POST',
      body: { messageId: `m-${++serial}`, kind: 'cancelled', municipality: code(t) },
    }),
    expect: every(403, 403),
  },
  {
    route: 'GET /api/discharge/cases',
    request: (t) => ({ path: `/api/discharge/cases?municipality=${code(t)}` }),
    expect: {
      ...only(['dispatcher', 'scheduler', 'manager'], [200, 403], [403, 403]),
      admin: [200, 200],
    },
  },
  {
    route: 'GET /api/discharge/summary',
    request: (t) => ({ path: `/api/discharge/summary?municipality=${code(t)}` }),
    expect: {
      ...only(['dispatcher', 'scheduler', 'manager'], [200, 403], [403, 403]),
      admin: [200, 200],
    },
  },
  {
    route: 'GET /api/discharge/cases/:id',
    request: () => ({ path: '/api/discharge/cases/00000000-0000-4000-8000-00000000d15c' }),
    expect: {
      ...only(['dispatcher', 'scheduler', 'manager'], [404, 404], [403, 403]),
      admin: [404, 404],
    },
  },
  {
    route: 'POST /api/discharge/cases/:id/visits/confirm',
    request: () => ({
      path: '/api/discharge/cases/00000000-0000-4000-8000-00000000d15c/visits/confirm',
      method: 'POST',
      body: {},
    }),
    expect: { ...only(['dispatcher', 'scheduler'], [404, 404], [403, 403]), admin: [404, 404] },
  },
  // The liability rules: read by schedulers, managers and the admin; changed by the
  // municipality's manager and the admin (the agreement's defaults, saved: no clock moves).
  {
    route: 'GET /api/discharge/:municipality/settings',
    request: (t) => ({ path: `/api/discharge/${code(t)}/settings` }),
    expect: { ...only(['scheduler', 'manager'], [200, 403], [403, 403]), admin: [200, 200] },
  },
  {
    route: 'PUT /api/discharge/:municipality/settings',
    request: (t) => ({
      path: `/api/discharge/${code(t)}/settings`,
      method: 'PUT',
      body: DEFAULT_LIABILITY,
    }),
    expect: { ...only(['manager'], [200, 403], [403, 403]), admin: [200, 200] },
  },
  {
    route: 'POST /api/discharge/clients',
    // A municipality that does not exist: refused after the role gate, nothing created.
    request: () => ({
      path: '/api/discharge/clients',
      method: 'POST',
      body: { name: `matrix-${++serial}`, municipalities: ['9999'] },
    }),
    expect: { ...every(403, 403), admin: [422, 422] },
  },
];
