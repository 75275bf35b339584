import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../server/live/event-bus.ts';
import type { HubConnection } from '../../../server/live/hub.ts';
import type { FakeSocket } from './support/fakes.ts';
import { settle } from './support/fakes.ts';
import { hubHarness } from './support/hub-harness.ts';

type Step =
  | { kind: 'commit'; count: number }
  | { kind: 'publish'; pick: number }
  | { kind: 'disconnect'; who: number }
  | { kind: 'settle' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('commit' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('publish' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('disconnect' as const), who: fc.integer({ min: 0, max: 1 }) }),
  fc.constant({ kind: 'settle' as const }),
);

/** A client that reconnects with its last seq and checks what it is sent. */
function resumingClient(connectSocket: () => Promise<{ socket: FakeSocket; conn: HubConnection }>) {
  let view: number[] = [];
  let socket = undefined as unknown as FakeSocket;
  let conn = undefined as unknown as HubConnection;
  let read = 0;
  const consume = () => {
    for (const m of socket.messages().slice(read)) {
      if (m.type === 'snapshot') view = [...(m.state as { seqs: number[] }).seqs];
      if (m.type === 'event') {
        expect(m.seq).toBe((view.at(-1) ?? 0) + 1);
        view.push(m.seq);
      }
    }
    read = socket.sent.length;
  };
  const connect = async () => {
    ({ socket, conn } = await connectSocket());
    read = 0;
    const lastSeq = view.at(-1);
    const code = lastSeq === undefined ? { code: '0180' } : { code: '0180', lastSeq };
    // Not settled: the next step may cut it off mid-load.
    conn.receive(JSON.stringify({ type: 'subscribe', municipalities: [code] }));
  };
  return {
    connect,
    consume,
    async reconnect() {
      consume();
      conn.closed();
      await connect();
    },
    view: () => view,
  };
}

/**
 * Two clients that reconnect with their last seq whenever the test drops them (sharing
 * snapshots as they come and go), while events are committed and published late and out of
 * order. Whatever happens, each client's view is every event once, in order: events must
 * extend it by exactly one seq, snapshots replace it.
 */
describe('resume across forced disconnects (property)', () => {
  it('delivers every event exactly once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        async (steps, maxBacklog) => {
          const { client, store, bus } = hubHarness({ maxBacklog });
          const clients = [resumingClient(client), resumingClient(client)];
          for (const c of clients) await c.connect();
          const unpublished: LiveEvent[] = [];
          for (const s of steps) {
            if (s.kind === 'commit')
              for (let i = 0; i < s.count; i++) unpublished.push(store.append('0180', 'x'));
            else if (s.kind === 'publish' && unpublished.length > 0)
              void bus.publish(unpublished.splice(s.pick % unpublished.length, 1)[0]);
            else if (s.kind === 'settle') await settle();
            else if (s.kind === 'disconnect') await clients[s.who].reconnect();
          }
          for (const e of unpublished) await bus.publish(e);
          await settle();
          for (const c of clients) {
            c.consume();
            expect(c.view()).toEqual(store.all('0180').map((e) => e.seq));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
