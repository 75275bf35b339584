/* global __ENV */
// k6 load test (issue 5): a night dispatcher's mix of dispatch requests at a constant arrival
// rate against one municipality. Run through `npx tsx bench/load/run-k6.ts dispatch-mix`, or
// against a running server:
//   k6 run -e BASE_URL=http://localhost:8080 -e RATE=200 -e DURATION=60s bench/k6/dispatch-mix.js
//
// Each iteration is one request, drawn by weight:
//   urgent      POST /api/dispatch/urgent-visits (an urgent call, answered with suggestions)
//   suggestions GET  /api/dispatch/visits/{id}/suggestions for one of this VU's unassigned calls
//   assign      POST /api/dispatch/visits/{id}/assign, half on this VU's own calls, half on a
//               small set of contested visits every VU reassigns (stale expectedVersion → 409,
//               an expected outcome, counted in `conflicts`, not as a failure)
//   status      POST /api/dispatch/visits/{id}/status (en_route → in_progress → done)
//   position    POST /api/dispatch/staff/{id}/position
//
// Environment: BASE_URL, USERNAME, PASSWORD, MUNICIPALITY, RATE (requests/s), DURATION,
// WARMUP (default 20s, 0s for none: the same mix first, not judged: the JIT of a freshly
// started server stalls its first seconds for 100-300 ms at a time, which no running server
// does), PRE_VUS, MAX_VUS, CONTESTED (number of contested visits), and the thresholds
// P99_SUGGEST_MS (suggestions, default 25: the target), P99_MS (every request, 1000),
// MAX_ERROR_RATE (0.01), MAX_SHED_RATE (0.01).
//
// Shed: when the ranking is overloaded the server answers suggestions with 503 + Retry-After,
// and an urgent call with the visit and `suggestionsUnavailable`. Those count in `shed`, not
// in `errors` or `server_errors`: an overload answered fast, with its own threshold.
import http from 'k6/http';
import { check, fail } from 'k6';
import { Counter, Rate, Trend } from 'k6/metrics';

const BASE = __ENV.BASE_URL || 'http://localhost:8080';
const MUNICIPALITY = __ENV.MUNICIPALITY || '0180';
const USERNAME = __ENV.USERNAME || `dispatcher-${MUNICIPALITY}`;
const PASSWORD = __ENV.PASSWORD || `demo-dispatcher-${MUNICIPALITY}`;
const RATE = Number(__ENV.RATE || 200);
const DURATION = __ENV.DURATION || '60s';
const PRE_VUS = Number(__ENV.PRE_VUS || Math.max(10, Math.ceil(RATE / 4)));
const MAX_VUS = Number(__ENV.MAX_VUS || Math.max(50, RATE * 2));
const CONTESTED = Number(__ENV.CONTESTED || 10);
/** Seconds at the same rate before the measured part: a fresh server compiles its hot code. */
const WARMUP_S = Number.parseInt(__ENV.WARMUP || '20s', 10);
const P99_SUGGEST_MS = Number(__ENV.P99_SUGGEST_MS || 25);
const P99_MS = Number(__ENV.P99_MS || 1000);
const MAX_ERROR_RATE = Number(__ENV.MAX_ERROR_RATE || 0.01);
const MAX_SHED_RATE = Number(__ENV.MAX_SHED_RATE || 0.01);

const WEIGHTS = [
  ['urgent', 15],
  ['suggestions', 35],
  ['assign', 15],
  ['status', 15],
  ['position', 20],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((s, [, w]) => s + w, 0);

/** 409s under contention (stale expectedVersion, or a visit another VU moved on). */
const conflicts = new Counter('conflicts');
/** Any answer that is neither 2xx nor an expected 409. */
const errors = new Rate('errors');
/** 5xx answers and requests without an answer (timeout, connection reset). */
const serverErrors = new Counter('server_errors');
const suggestionsPerCall = new Trend('suggestions_returned');
/** Suggestions and urgent calls answered "ranking busy, ask again" (see above). */
const shed = new Rate('shed');

// 409 is an expected answer here, and 503 (shed, counted apart): not in http_req_failed.
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 409, 503));

function arrivals(duration, startTime) {
  return {
    executor: 'constant-arrival-rate',
    rate: RATE,
    timeUnit: '1s',
    duration,
    startTime,
    preAllocatedVUs: PRE_VUS,
    maxVUs: MAX_VUS,
  };
}

// Latency thresholds judge the measured part (scenario `mix`), after the warm-up; errors,
// server errors and shed answers count in both.
export const options = {
  scenarios: {
    ...(WARMUP_S > 0 ? { warmup: arrivals(`${WARMUP_S}s`, '0s') } : {}),
    mix: arrivals(DURATION, `${WARMUP_S}s`),
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max', 'count'],
  thresholds: {
    'http_req_duration{scenario:mix,name:suggestions}': [`p(99)<${P99_SUGGEST_MS}`],
    'http_req_duration{scenario:mix,name:urgent}': [`p(99)<${P99_MS}`],
    'http_req_duration{scenario:mix,name:assign}': [`p(99)<${P99_MS}`],
    'http_req_duration{scenario:mix,name:status}': [`p(99)<${P99_MS}`],
    'http_req_duration{scenario:mix,name:position}': [`p(99)<${P99_MS}`],
    // Reported beside the measured part; a collapse while warming up fails too.
    ...(WARMUP_S > 0
      ? { 'http_req_duration{scenario:warmup,name:suggestions}': [`p(99)<${P99_MS}`] }
      : {}),
    http_req_failed: [`rate<${MAX_ERROR_RATE}`],
    errors: [`rate<${MAX_ERROR_RATE}`],
    server_errors: ['count<1'],
    shed: [`rate<${MAX_SHED_RATE}`],
  },
};

function headers(token, tag) {
  return {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    tags: { name: tag },
  };
}

function post(token, tag, path, body) {
  return http.post(`${BASE}${path}`, JSON.stringify(body), headers(token, tag));
}

/** Records the outcome; true for a 2xx. */
function outcome(res, tag) {
  if (tag === 'suggestions') shed.add(res.status === 503, { name: tag });
  if (res.status === 503 && tag === 'suggestions' && res.headers['Retry-After']) return false;
  if (res.status >= 500 || res.status === 0) serverErrors.add(1, { name: tag });
  if (res.status === 409) {
    conflicts.add(1, { name: tag });
    errors.add(false, { name: tag });
    return false;
  }
  const ok = res.status >= 200 && res.status < 300;
  errors.add(!ok, { name: tag });
  if (!ok && __ENV.VERBOSE) console.warn(`${tag} → ${res.status} ${res.body}`);
  return ok;
}

function urgentBody(patientId) {
  return {
    municipality: MUNICIPALITY,
    patientId,
    taskTypes: ['supervision'],
    priority: 'urgent2',
  };
}

export function setup() {
  const res = http.post(
    `${BASE}/api/auth/login`,
    JSON.stringify({ username: USERNAME, password: PASSWORD }),
    { headers: { 'content-type': 'application/json' }, tags: { name: 'login' } },
  );
  if (res.status !== 200) fail(`log-in as ${USERNAME}: ${res.status} ${res.body}`);
  const token = res.json('token');
  const list = (path) => {
    const r = http.get(`${BASE}${path}`, headers(token, 'setup'));
    if (r.status !== 200) fail(`${path}: ${r.status} ${r.body}`);
    return r.json('items').map((x) => x.id);
  };
  const patients = list(`/api/patients?municipality=${MUNICIPALITY}&limit=100`);
  const staff = list(`/api/staff?municipality=${MUNICIPALITY}&active=true&limit=100`);
  if (!patients.length || !staff.length) fail('no patients or staff in the municipality');
  // The contested visits: every VU reassigns these among their suggested caregivers.
  const contested = [];
  for (let i = 0; i < CONTESTED; i++) {
    const r = post(
      token,
      'setup',
      '/api/dispatch/urgent-visits',
      urgentBody(patients[i % patients.length]),
    );
    if (r.status !== 201) fail(`urgent visit: ${r.status} ${r.body}`);
    const body = r.json();
    const options = body.suggestions.map((s) => ({ staffId: s.staffId, eta: s.eta }));
    if (options.length) contested.push({ id: body.visit.id, options });
  }
  return { token, patients, staff, contested };
}

// Per-VU state: this VU's own urgent calls.
const unassigned = []; // { id, version, options: [{ staffId, eta }] }
const assigned = []; // { id, version, status }
const contestedVersion = {}; // visit id → the version this VU last saw
const NEXT_STATUS = { assigned: 'en_route', en_route: 'in_progress', in_progress: 'done' };

function pick(arr) {
  return arr[Math.floor(Math.random() * arr.length)];
}

function urgent(data) {
  const res = post(
    data.token,
    'urgent',
    '/api/dispatch/urgent-visits',
    urgentBody(pick(data.patients)),
  );
  if (outcome(res, 'urgent')) {
    const body = res.json();
    shed.add(Boolean(body.suggestionsUnavailable), { name: 'urgent' });
    if (body.suggestionsUnavailable) return;
    suggestionsPerCall.add(body.suggestions.length);
    const options = body.suggestions.map((s) => ({ staffId: s.staffId, eta: s.eta }));
    if (options.length) {
      unassigned.push({ id: body.visit.id, version: body.visit.version, options });
      if (unassigned.length > 20) unassigned.shift();
    }
  }
}

function suggestions(data) {
  const v = pick(unassigned);
  if (!v) return urgent(data);
  const res = http.get(
    `${BASE}/api/dispatch/visits/${v.id}/suggestions?limit=5`,
    headers(data.token, 'suggestions'),
  );
  if (outcome(res, 'suggestions')) {
    const options = res.json('suggestions').map((s) => ({ staffId: s.staffId, eta: s.eta }));
    if (options.length) v.options = options;
  }
}

function assign(data) {
  if (Math.random() < 0.5 && data.contested.length) {
    const c = pick(data.contested);
    const o = pick(c.options);
    const res = post(data.token, 'assign', `/api/dispatch/visits/${c.id}/assign`, {
      staffIds: [o.staffId],
      expectedVersion: contestedVersion[c.id] || 1,
      plannedStart: o.eta,
    });
    if (outcome(res, 'assign')) contestedVersion[c.id] = res.json('version');
    else if (res.status === 409 && res.json('current.version'))
      contestedVersion[c.id] = res.json('current.version');
    return;
  }
  const v = unassigned.shift();
  if (!v) return urgent(data);
  const res = post(data.token, 'assign', `/api/dispatch/visits/${v.id}/assign`, {
    staffIds: [v.options[0].staffId],
    expectedVersion: v.version,
    // At the caregiver's ETA: the best one may begin their shift after now.
    plannedStart: v.options[0].eta,
  });
  if (outcome(res, 'assign')) {
    assigned.push({ id: v.id, version: res.json('version'), status: res.json('status') });
    if (assigned.length > 20) assigned.shift();
  }
}

function status(data) {
  const v = assigned[0];
  if (!v) return assign(data);
  const next = NEXT_STATUS[v.status];
  const res = post(data.token, 'status', `/api/dispatch/visits/${v.id}/status`, {
    status: next,
    expectedVersion: v.version,
  });
  if (outcome(res, 'status')) {
    v.version = res.json('version');
    v.status = res.json('status');
  }
  if (res.status !== 200 || !NEXT_STATUS[v.status]) assigned.shift();
}

function position(data) {
  const res = post(data.token, 'position', `/api/dispatch/staff/${pick(data.staff)}/position`, {
    lat: 59.3 + Math.random() * 0.08,
    lon: 17.95 + Math.random() * 0.2,
    status: 'en_route',
  });
  outcome(res, 'position');
}

const ACTIONS = { urgent, suggestions, assign, status, position };

export default function (data) {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [name, w] of WEIGHTS) {
    r -= w;
    if (r < 0) return ACTIONS[name](data);
  }
  return position(data);
}

export function teardown(data) {
  check(data, { 'had contested visits': (d) => d.contested.length > 0 });
}
