/**
 * Fault test (issue 5): two server processes on one PostgreSQL. A WebSocket subscriber on
 * process A sees the writes made through process B — all of them, in `seq` order, without
 * gaps — and sees exactly what a subscriber on B sees and what the database's event log holds.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../../db/client.ts';
import { events } from '../../../db/schema/index.ts';
import { createPgDatabase } from '../../support/databases.ts';
import { wsClient } from '../live/support/ws-client.ts';
import {
  type Api,
  type ServerProcess,
  api,
  createAdmin,
  killServer,
  login,
  startServer,
} from './support/server-process.ts';

const CODE = '0180';

async function subscriber(server: ServerProcess, token: string) {
  const live = await wsClient(server.wsUrl);
  live.send({ type: 'hello', version: 1, token });
  expect((await live.next(10_000)).type).toBe('welcome');
  live.send({ type: 'subscribe', municipalities: [{ code: CODE }] });
  const snapshot = (await live.next(20_000)) as { type: string; seq: number };
  expect(snapshot.type).toBe('snapshot');
  return { live, snapshot };
}

/** An urgent call through `client`, assigned and taken through to done; the acked versions. */
async function lifecycle(client: Api, patientId: string): Promise<string[]> {
  const acked: string[] = [];
  const created = await client.post('/api/dispatch/urgent-visits', {
    municipality: CODE,
    patientId,
    taskTypes: ['supervision'],
    priority: 'urgent2',
  });
  expect(created.status).toBe(201);
  let visit = created.body.visit;
  acked.push(`${visit.id}@${visit.version}`);
  const best = created.body.suggestions[0] as { staffId: string; eta: string } | undefined;
  if (!best) return acked;
  // At the caregiver's ETA: the best one may start their shift later than now.
  const assigned = await client.post(`/api/dispatch/visits/${visit.id}/assign`, {
    staffIds: [best.staffId],
    expectedVersion: visit.version,
    plannedStart: best.eta,
  });
  expect(assigned.status).toBe(200);
  visit = assigned.body;
  acked.push(`${visit.id}@${visit.version}`);
  for (const status of ['en_route', 'in_progress', 'done']) {
    const res = await client.post(`/api/dispatch/visits/${visit.id}/status`, {
      status,
      expectedVersion: visit.version,
    });
    expect(res.status).toBe(200);
    visit = res.body;
    acked.push(`${visit.id}@${visit.version}`);
  }
  return acked;
}

describe.skipIf(!inject('pgUrl'))('two server processes on one PostgreSQL', () => {
  it('a subscriber on A sees the writes made through B, in order', async () => {
    const pg = await createPgDatabase();
    const env = {
      DATABASE_URL: pg.url,
      AUTH_SECRET: 'a-two-process-secret-that-is-long-enough',
      DEMO_DATA: 'on',
      DEMO_SCALE: '0.005',
    };
    let a: ServerProcess | undefined;
    let b: ServerProcess | undefined;
    try {
      a = await startServer(env); // migrates and loads the demo data
      await createAdmin(env, 'two-admin', 'two process password');
      b = await startServer(env);
      const tokenA = await login(a.url, 'two-admin', 'two process password');
      const tokenB = await login(b.url, 'two-admin', 'two process password');
      const onA = await subscriber(a, tokenA);
      const onB = await subscriber(b, tokenB);
      const throughB = api(b.url, tokenB);
      const patients = (
        await throughB.get(`/api/patients?municipality=${CODE}&limit=20`)
      ).body.items.map((p: { id: string }) => p.id) as string[];

      // Five concurrent lifecycles through B (25 writes), one more through A for good measure.
      const acked = (
        await Promise.all([
          ...patients.slice(0, 5).map((p) => lifecycle(throughB, p)),
          lifecycle(api(a.url, tokenA), patients[5] ?? patients[0]),
        ])
      ).flat();
      expect(acked.length).toBeGreaterThanOrEqual(6);

      // What the database logged after A's snapshot.
      const database = await openDatabase({ kind: 'postgres', url: pg.url, maxConnections: 1 });
      const logged = await database.db
        .select({ seq: events.seq, type: events.type })
        .from(events)
        .where(and(eq(events.municipalityCode, CODE), gt(events.seq, onA.snapshot.seq)))
        .orderBy(asc(events.seq));
      await database.close();
      const lastSeq = logged.at(-1)!.seq;

      const eventsUntil = async (client: typeof onA.live) => {
        const out: any[] = [];
        while ((out.at(-1)?.seq ?? 0) < lastSeq) {
          const m = (await client.next(10_000)) as any;
          if (m.type === 'event') out.push(m);
        }
        return out;
      };
      const seenA = await eventsUntil(onA.live);
      const seenB = await eventsUntil(onB.live);

      // A: gapless, in seq order, exactly the database's log, including every write via B.
      expect(seenA.map((e) => e.seq)).toEqual(logged.map((e) => e.seq));
      expect(seenA.map((e) => e.eventType)).toEqual(logged.map((e) => e.type));
      const onAKeys = seenA
        .filter((e) => e.payload?.visit)
        .map((e) => `${e.payload.visit.id}@${e.payload.visit.version}`);
      for (const k of acked) expect(onAKeys).toContain(k);
      // Each visit's versions arrive in increasing order.
      const lastVersion = new Map<string, number>();
      for (const e of seenA.filter((x) => x.payload?.visit)) {
        const { id, version } = e.payload.visit as { id: string; version: number };
        expect(version).toBeGreaterThan(lastVersion.get(id) ?? 0);
        lastVersion.set(id, version);
      }
      // B's subscriber saw the same stream.
      const from = Math.max(onA.snapshot.seq, onB.snapshot.seq);
      expect(seenB.filter((e) => e.seq > from).map((e) => [e.seq, e.eventType])).toEqual(
        seenA.filter((e) => e.seq > from).map((e) => [e.seq, e.eventType]),
      );
      onA.live.ws.close();
      onB.live.ws.close();
    } finally {
      if (a) await killServer(a);
      if (b) await killServer(b);
      await pg.drop();
    }
  }, 300_000);
});
