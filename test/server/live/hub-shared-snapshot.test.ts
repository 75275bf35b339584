import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotProvider } from '../../../server/live/socket.ts';
import { MemoryEventStore, settle } from './support/fakes.ts';
import { hubHarness } from './support/hub-harness.ts';

const sub = { type: 'subscribe', municipalities: [{ code: '0180' }] };

/**
 * A snapshot provider over the harness's log that counts its reads; with `hold`, a read takes
 * the log as it is when it starts and hands it over on `release`.
 */
function countingProvider() {
  let store: MemoryEventStore | null = null;
  const pending: (() => void)[] = [];
  const p = {
    reads: 0,
    hold: false,
    bind: (s: MemoryEventStore) => (store = s),
    release: () => pending.splice(0).forEach((f) => f()),
    provider: (async (code) => {
      p.reads += 1;
      const snap: Snapshot = {
        seq: await store!.currentSeq(code),
        state: { seqs: store!.all(code).map((e) => e.seq) },
      };
      if (p.hold) await new Promise<void>((r) => pending.push(r));
      return snap;
    }) as SnapshotProvider,
  };
  return p;
}

function harness(limits = {}) {
  const p = countingProvider();
  const h = hubHarness(limits, p.provider);
  p.bind(h.store);
  return { ...h, snapshots: p };
}

describe('live hub: one snapshot read for many subscribers', () => {
  it('shares a read in progress with everyone who subscribes meanwhile', async () => {
    const { client, append, snapshots } = harness();
    await append('0180');
    snapshots.hold = true;
    const clients = [];
    for (let i = 0; i < 5; i++) {
      const c = await client();
      c.conn.receive(JSON.stringify(sub));
      clients.push(c);
    }
    await settle();
    snapshots.release();
    await settle();
    expect(snapshots.reads).toBe(1);
    for (const c of clients) expect(c.socket.ofType('snapshot').map((s) => s.seq)).toEqual([1]);
  });

  it('reuses a finished snapshot until an event goes by or it is older than snapshotShareMs', async () => {
    const { client, append, snapshots, clock } = harness({ snapshotShareMs: 2000 });
    await append('0180');
    await (await client()).send(sub);
    await (await client()).send(sub);
    expect(snapshots.reads).toBe(1);
    await append('0180');
    const after = await client();
    await after.send(sub);
    expect(snapshots.reads).toBe(2);
    expect(after.socket.ofType('snapshot').map((s) => s.seq)).toEqual([2]);
    clock.advance(2001);
    await (await client()).send(sub);
    expect(snapshots.reads).toBe(3);
  });

  it('completes a shared snapshot older than what was already delivered from the log', async () => {
    const { client, append, snapshots } = harness();
    await append('0180'); // 1
    snapshots.hold = true;
    const first = await client();
    await first.send(sub); // its snapshot is read at seq 1 and not handed over yet
    await append('0180'); // 2 and 3 go by before the second subscriber joins
    await append('0180');
    const second = await client();
    await second.send(sub);
    expect(snapshots.reads).toBe(1);
    snapshots.release();
    await settle();
    // At once, not only when the next event shows the gap.
    for (const c of [first, second]) expect(c.socket.eventSeqs()).toEqual([2, 3]);
    await append('0180'); // 4, live
    for (const c of [first, second]) {
      expect(c.socket.ofType('snapshot').map((s) => s.seq)).toEqual([1]);
      expect(c.socket.eventSeqs()).toEqual([2, 3, 4]);
    }
  });

  it('reads afresh for a subscriber that knows of newer commits than the shared snapshot', async () => {
    const { client, append, store, bus, snapshots } = harness({ maxBacklog: 1 });
    await append('0180');
    await append('0180');
    const a = await client();
    await a.send(sub); // the snapshot at 2, shared from now on
    const unpublished = [1, 2, 3].map(() => store.append('0180', 'x')); // 3-5, not announced yet
    const b = await client();
    await b.send({ type: 'subscribe', municipalities: [{ code: '0180', lastSeq: 1 }] });
    expect(snapshots.reads).toBe(2);
    expect(b.socket.ofType('snapshot').map((s) => s.seq)).toEqual([5]);
    for (const e of unpublished) await bus.publish(e);
    expect(a.socket.eventSeqs()).toEqual([3, 4, 5]);
    expect(b.socket.eventSeqs()).toEqual([]);
  });

  it('sends every subscriber the same serialized snapshot', async () => {
    const { client, append, snapshots } = harness();
    await append('0180');
    const a = await client();
    await a.send(sub);
    const b = await client();
    await b.send(sub);
    expect(snapshots.reads).toBe(1);
    const text = (c: typeof a) => c.socket.sent.find((s) => s.includes('"snapshot"'));
    expect(text(b)).toBe(text(a));
  });
});
