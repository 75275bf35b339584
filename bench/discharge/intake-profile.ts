/**
 * The discharge intake in one process, without HTTP load or k6: the k6 script's messages
 * (stay i / 4, kinds admission, update, ready, planned; every 20th sent twice) sent one after
 * the other to the app on an in-memory PGlite, timing each and counting the SQL statements
 * per message. What one message costs, apart from queueing behind others.
 *
 *   npx tsx bench/discharge/intake-profile.ts [--messages 2000] [--cpu-prof out.cpuprofile]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { createIntegrationClient } from '../../server/discharge/api-keys.ts';
import { API_KEY_HEADER } from '../../server/discharge/client-auth.ts';
import { insertUsers, testApp } from '../../test/support/auth.ts';
import { freshDatabase } from '../../test/support/databases.ts';
import { IDS, insertFixture } from '../../test/support/fixtures.ts';

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '2000' }, 'cpu-prof': { type: 'string' } },
});
const N = Number(values.messages);

// Count statements: every query and exec PGlite runs, in or out of a transaction.
let statements = 0;
type Queryable = Record<'query' | 'exec', (...a: unknown[]) => Promise<unknown>>;
const counted = <T extends Queryable>(target: T): T => {
  for (const name of ['query', 'exec'] as const) {
    const original = target[name];
    target[name] = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
  }
  return target;
};
counted(PGlite.prototype as unknown as Queryable);
const transaction = PGlite.prototype.transaction;
PGlite.prototype.transaction = function (this: PGlite, work: (tx: never) => Promise<unknown>) {
  return transaction.call(this, (tx) => work(counted(tx as unknown as Queryable) as never));
} as typeof transaction;

const KINDS = ['admission', 'update', 'ready_for_discharge', 'planned_discharge'] as const;
const patients = [IDS.patient, IDS.patientUnrouted];

function messageOf(i: number, now: Date) {
  const stay = Math.floor(i / KINDS.length);
  const kind = KINDS[i % KINDS.length];
  const base = {
    messageId: `p-${i}`,
    kind,
    sentAt: now.toISOString(),
    municipality: '0180',
    stayId: `stay-${stay}`,
    patientId: patients[stay % patients.length],
  };
  if (kind === 'admission')
    return { ...base, hospital: 'Karolinska Solna', ward: 'Avd 3', needs: ['medication'] };
  if (kind === 'update') return { ...base, ward: `Avd ${stay % 9}` };
  if (kind === 'ready_for_discharge') return { ...base, readyAt: now.toISOString() };
  return { ...base, plannedDischargeAt: new Date(now.getTime() + 2 * 86_400_000).toISOString() };
}

const database = await freshDatabase('pglite');
await insertFixture(database.db);
await insertUsers(database.db);
const { key } = await createIntegrationClient(database.db, 'profile', ['0180']);
const app = await testApp(database, { now: () => new Date() });
const headers = { 'content-type': 'application/json', [API_KEY_HEADER]: key };

const times: number[] = [];
let perMessage = 0;
const session = new Session();
if (values['cpu-prof']) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const cpu0 = process.cpuUsage();
for (let i = 0; i < N; i++) {
  const body = JSON.stringify(messageOf(i, new Date()));
  for (let n = 0; n < (i % 20 === 19 ? 2 : 1); n++) {
    const before = statements;
    const t0 = performance.now();
    const res = await app.request('/api/discharge/messages', { method: 'POST', headers, body });
    const text = await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`message ${i}: ${res.status} ${text}`);
    if (n === 0 && i >= N / 2) perMessage += statements - before;
  }
}
const cpu = process.cpuUsage(cpu0);
if (values['cpu-prof']) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values['cpu-prof'], JSON.stringify(profile));
}
const cpuMs = (cpu.user + cpu.system) / 1000;
const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2);
console.log(
  `first 200 mean ${mean(times.slice(0, 200))} ms, last 200 ${mean(times.slice(-200))} ms`,
);
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(
  `${times.length} requests: mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms, ` +
    `p50 ${at(0.5).toFixed(2)}, p95 ${at(0.95).toFixed(2)}, p99 ${at(0.99).toFixed(2)}, max ${times[times.length - 1].toFixed(1)} ms; ` +
    `${(perMessage / (N - Math.ceil(N / 2))).toFixed(1)} statements per new message (second half); ` +
    `process CPU ${(cpuMs / times.length).toFixed(2)} ms per request`,
);
await database.close();
process.exit(0);
