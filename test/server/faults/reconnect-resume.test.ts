/**
 * Fault test (issue 5): a live client that loses its connection again and again (the socket
 * dropped without a close frame, at random points of a stream of writes) and resumes each
 * time with `lastSeq` ends up with exactly the events a client that never disconnected saw:
 * every `seq` once, in order, none missing. End to end against the real server process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wsClient } from '../live/support/ws-client.ts';
import {
  type ServerProcess,
  api,
  killServer,
  login,
  startServer,
} from './support/server-process.ts';

const CODE = '0180';
const DISCONNECTS = 25;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A tiny deterministic PRNG, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
}

describe('reconnect with resume against the real server', () => {
  it(`loses nothing across ${DISCONNECTS} forced disconnects`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hhc-resume-'));
    dirs.push(dataDir);
    let server: ServerProcess | undefined;
    try {
      server = await startServer({ DATA_DIR: dataDir, DEMO_SCALE: '0.005' });
      const token = await login(server.url, 'dispatcher-0180', 'demo-dispatcher-0180');
      const client = api(server.url, token);
      const patients = (
        await client.get(`/api/patients?municipality=${CODE}&limit=20`)
      ).body.items.map((p: { id: string }) => p.id) as string[];

      const connect = async (lastSeq?: number) => {
        const live = await wsClient(server!.wsUrl);
        live.send({ type: 'hello', version: 1, token });
        expect((await live.next(10_000)).type).toBe('welcome');
        live.send({
          type: 'subscribe',
          municipalities: [lastSeq === undefined ? { code: CODE } : { code: CODE, lastSeq }],
        });
        return live;
      };

      // The control client stays connected; the flaky one starts from the same snapshot seq.
      const control = await connect();
      const controlSnapshot = (await control.next(20_000)) as any;
      expect(controlSnapshot.type).toBe('snapshot');
      const startSeq = controlSnapshot.seq as number;

      // A steady stream of writes: urgent calls, each assigned and set en route when possible.
      let writing = true;
      let writes = 0;
      const writer = (async () => {
        let i = 0;
        while (writing) {
          const created = await client.post('/api/dispatch/urgent-visits', {
            municipality: CODE,
            patientId: patients[i++ % patients.length],
            taskTypes: ['supervision'],
            priority: 'urgent2',
          });
          expect(created.status).toBe(201);
          writes++;
          const best = created.body.suggestions[0];
          if (!best) continue;
          const assigned = await client.post(
            `/api/dispatch/visits/${created.body.visit.id}/assign`,
            { staffIds: [best.staffId], expectedVersion: 1, plannedStart: best.eta },
          );
          expect(assigned.status).toBe(200);
          writes++;
        }
      })();
      let writerFailed: unknown;
      writer.catch((err: unknown) => {
        writerFailed = err;
        writing = false;
      });

      // The flaky client: resume from startSeq, read a few events, drop the socket, repeat.
      const random = prng(5);
      const seen: { seq: number; eventType: string }[] = [];
      let lastSeq = startSeq;
      for (let round = 0; round < DISCONNECTS; round++) {
        const live = await connect(lastSeq);
        const take = Math.floor(random() * 4); // 0-3 events, then the connection drops
        for (let k = 0; k < take; k++) {
          const m = (await live.next(10_000)) as any;
          expect(m.type, JSON.stringify(m)).toBe('event'); // resumed: no snapshot
          seen.push({ seq: m.seq, eventType: m.eventType });
          lastSeq = m.seq;
        }
        // Sometimes drop at once, sometimes after the server had time to send more.
        if (random() < 0.5) await new Promise((r) => setTimeout(r, random() * 100));
        live.ws.terminate();
      }
      writing = false;
      await writer.catch(() => {});
      if (writerFailed) throw writerFailed;

      // A marker write ends the stream; the control client reads up to it.
      const marker = await client.post('/api/dispatch/urgent-visits', {
        municipality: CODE,
        patientId: patients[0],
        taskTypes: ['supervision'],
        priority: 'urgent2',
      });
      expect(marker.status).toBe(201);
      const expected: { seq: number; eventType: string }[] = [];
      for (;;) {
        const m = (await control.next(10_000)) as any;
        if (m.type !== 'event') continue;
        expected.push({ seq: m.seq, eventType: m.eventType });
        if (m.payload?.visit?.id === marker.body.visit.id) break;
      }
      const target = expected.at(-1)!.seq;

      // One last resume collects the rest.
      const final = await connect(lastSeq);
      while ((seen.at(-1)?.seq ?? startSeq) < target) {
        const m = (await final.next(10_000)) as any;
        expect(m.type).toBe('event');
        seen.push({ seq: m.seq, eventType: m.eventType });
      }

      expect(writes).toBeGreaterThan(DISCONNECTS);
      expect(seen.map((e) => e.seq)).toEqual(
        Array.from({ length: target - startSeq }, (_, i) => startSeq + 1 + i),
      );
      expect(seen.slice(0, expected.length)).toEqual(expected);
      final.ws.close();
      control.ws.close();
    } finally {
      if (server) await killServer(server);
    }
  }, 300_000);
});
