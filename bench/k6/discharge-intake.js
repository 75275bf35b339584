/* global __ENV */
// k6 load test (issue 20): the region's discharge messages at 1,000 a minute, none lost. Run
// through `npx tsx bench/load/run-k6.ts discharge-intake`, or against a running server:
//   k6 run -e BASE_URL=http://localhost:8080 bench/k6/discharge-intake.js
//
// setup() logs in as the admin, registers a system client for the municipality (its API key)
// and reads its patients. Each iteration then sends one message of a stay: stay i / 4, kind
// i % 4 (admission, update, ready-for-discharge, planned discharge), so concurrent VUs also
// deliver a stay's messages out of order; every 20th iteration sends its message twice (the
// second must be a replay). teardown() reads every case back and checks that the messages on
// their timelines are iterations 0 … n-1, each once: none lost, none doubled.
//
// Environment: BASE_URL, MUNICIPALITY, ADMIN_USERNAME, ADMIN_PASSWORD, RATE (messages a
// minute, default 1000), DURATION (default 2m), P99_MS (threshold, default 100: the issue's).
import http from 'k6/http';
import exec from 'k6/execution';
import { check, fail } from 'k6';
import { Counter, Trend } from 'k6/metrics';

const BASE = __ENV.BASE_URL || 'http://localhost:8080';
const MUNICIPALITY = __ENV.MUNICIPALITY || '0180';
const RATE = Number(__ENV.RATE || 1000);
const DURATION = __ENV.DURATION || '2m';
const P99_MS = Number(__ENV.P99_MS || 100);
const KINDS = ['admission', 'update', 'ready_for_discharge', 'planned_discharge'];

const intake = new Trend('discharge_intake', true);
const refused = new Counter('refused');
const replays = new Counter('replays');

export const options = {
  scenarios: {
    region: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1m',
      duration: DURATION,
      preAllocatedVUs: 10,
      maxVUs: 100,
    },
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
  setupTimeout: '60s',
  teardownTimeout: '120s',
  thresholds: {
    discharge_intake: [`p(99)<${P99_MS}`],
    refused: ['count==0'],
    dropped_iterations: ['count==0'],
    'checks{check:none lost}': ['rate==1'],
  },
};

const json = (token) => ({
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
});

export function setup() {
  const login = http.post(
    `${BASE}/api/auth/login`,
    JSON.stringify({
      username: __ENV.ADMIN_USERNAME || 'admin',
      password: __ENV.ADMIN_PASSWORD || 'demo-admin-all',
    }),
    { headers: { 'content-type': 'application/json' } },
  );
  if (login.status !== 200) fail(`log-in: ${login.status}`);
  const token = login.json('token');
  const run = Date.now().toString(36);
  const client = http.post(
    `${BASE}/api/discharge/clients`,
    JSON.stringify({ name: `k6-${run}`, municipalities: [MUNICIPALITY] }),
    json(token),
  );
  if (client.status !== 201) fail(`client: ${client.status} ${client.body}`);
  const patients = http.get(
    `${BASE}/api/patients?municipality=${MUNICIPALITY}&limit=500`,
    json(token),
  );
  const ids = patients.json('items').map((p) => p.id);
  if (!ids.length) fail('no patients');
  return { token, key: client.json('apiKey'), run, patients: ids };
}

function messageOf(data, i) {
  const stay = Math.floor(i / KINDS.length);
  const kind = KINDS[i % KINDS.length];
  const now = new Date();
  const base = {
    messageId: `${data.run}-${i}`,
    kind,
    sentAt: now.toISOString(),
    municipality: MUNICIPALITY,
    stayId: `${data.run}-stay-${stay}`,
    patientId: data.patients[stay % data.patients.length],
  };
  if (kind === 'admission')
    return {
      ...base,
      hospital: 'Karolinska Solna',
      ward: 'Avd 3',
      needs: ['medication', 'help_at_home'],
      sipNeeded: stay % 3 === 0,
    };
  if (kind === 'update') return { ...base, ward: `Avd ${stay % 9}` };
  if (kind === 'ready_for_discharge') return { ...base, readyAt: now.toISOString() };
  return { ...base, plannedDischargeAt: new Date(now.getTime() + 2 * 86_400_000).toISOString() };
}

export default function (data) {
  const i = exec.scenario.iterationInTest;
  const body = JSON.stringify(messageOf(data, i));
  const params = { headers: { 'content-type': 'application/json', 'x-api-key': data.key } };
  const sends = i % 20 === 19 ? 2 : 1;
  for (let n = 0; n < sends; n++) {
    const res = http.post(`${BASE}/api/discharge/messages`, body, params);
    intake.add(res.timings.duration);
    if (res.status !== 200) refused.add(1);
    if (n === 1) {
      replays.add(1);
      check(res, { 'replay answered the same': (r) => r.headers['Idempotent-Replay'] === 'true' });
    }
  }
}

export function teardown(data) {
  const list = http.get(
    `${BASE}/api/discharge/cases?municipality=${MUNICIPALITY}`,
    json(data.token),
  );
  const cases = list.json('items').filter((c) => c.stayId.startsWith(`${data.run}-`));
  const stored = [];
  for (const c of cases) {
    const one = http.get(`${BASE}/api/discharge/cases/${c.id}`, json(data.token));
    for (const t of one.json('timeline')) stored.push(Number(t.messageId.split('-')[1]));
  }
  // Iterations are numbered 0, 1, 2 … as they run: every one answered 200 (`refused` is 0)
  // must be on a timeline exactly once, so the stored numbers are 0 … n-1 without a gap.
  stored.sort((a, b) => a - b);
  const gaps = stored.filter((n, i) => n !== i).length;
  console.log(
    `teardown: ${cases.length} cases, ${stored.length} messages stored, ${gaps} out of place`,
  );
  check(stored, { 'none lost': (s) => s.length > 0 && gaps === 0 });
}
