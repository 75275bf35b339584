import { describe, expect, it, vi } from 'vitest';
import { createLocalEventBus } from '../../../server/live/local-bus.ts';
import type { LiveEvent } from '../../../server/live/event-bus.ts';
import { OrderedFanout } from '../../../server/live/ordered-fanout.ts';
import { MemoryEventStore, settle } from './support/fakes.ts';

describe('OrderedFanout', () => {
  it('emits only what was committed after the first subscription, once, in order', async () => {
    const store = new MemoryEventStore();
    const fanout = new OrderedFanout(store);
    store.append('0180', 'before');
    const got: number[] = [];
    fanout.subscribe('0180', (e) => got.push(e.seq));
    await settle();
    const [e2, e3, e4] = [
      store.append('0180', 'a'),
      store.append('0180', 'b'),
      store.append('0180', 'c'),
    ];
    await fanout.offer('0180', 4, e4); // 2 and 3 read from the log
    await fanout.offer('0180', 2, e2); // late and duplicate: ignored
    await fanout.offer('0180', 3); // bare seq, already emitted
    await fanout.offer('0180', 1);
    expect(got).toEqual([2, 3, 4]);
    expect([e2, e3].length).toBe(2);
  });

  it('reads the log only for what the announcements lack', async () => {
    const store = new MemoryEventStore();
    const fanout = new OrderedFanout(store);
    const got: number[] = [];
    fanout.subscribe('0180', (e) => got.push(e.seq));
    await settle();
    const events: LiveEvent[] = [];
    for (let i = 0; i < 5; i++) events.push(store.append('0180', 'x'));
    const before = store.reads;
    for (const e of events.slice(0, 3)) void fanout.offer('0180', e.seq, e);
    await settle();
    expect(store.reads - before).toBe(0); // in order: straight from the announcements
    void fanout.offer('0180', 5, events[4]); // out of order: 4 is read from the log
    void fanout.offer('0180', 4, events[3]);
    await settle();
    expect(got).toEqual([1, 2, 3, 4, 5]);
  });

  it('jumps ahead beyond maxCatchUp instead of replaying a huge gap', async () => {
    const store = new MemoryEventStore();
    const fanout = new OrderedFanout(store, { maxCatchUp: 3 });
    const got: number[] = [];
    fanout.subscribe('0180', (e) => got.push(e.seq));
    await settle();
    for (let i = 0; i < 10; i++) store.append('0180', 'x');
    await fanout.offer('0180', 10);
    expect(got).toEqual([8, 9, 10]);
  });

  it('survives a throwing listener and a failing read, and retries on the next announcement', async () => {
    const store = new MemoryEventStore();
    const errors: unknown[] = [];
    const fanout = new OrderedFanout(store, { onError: (e) => errors.push(e) });
    const got: number[] = [];
    fanout.subscribe('0180', () => {
      throw new Error('listener bug');
    });
    fanout.subscribe('0180', (e) => got.push(e.seq));
    await settle();
    store.append('0180', 'x');
    const read = store.readAfter.bind(store);
    store.readAfter = () => Promise.reject(new Error('db down'));
    await fanout.offer('0180', 1);
    store.readAfter = read;
    store.append('0180', 'x');
    await fanout.offer('0180', 2);
    expect(got).toEqual([1, 2]);
    expect(errors.map((e) => (e as Error).message)).toEqual([
      'db down',
      'listener bug',
      'listener bug',
    ]);
  });

  it('rejects ready when it cannot learn the current seq, and retries with the next subscriber', async () => {
    const store = new MemoryEventStore();
    const fanout = new OrderedFanout(store);
    const current = store.currentSeq.bind(store);
    store.currentSeq = () => Promise.reject(new Error('db down'));
    await expect(fanout.subscribe('0180', () => {}).ready).rejects.toThrow('db down');
    store.currentSeq = current;
    await expect(fanout.subscribe('0180', () => {}).ready).resolves.toBeUndefined();
  });

  it('forgets a municipality when its last listener leaves', async () => {
    const store = new MemoryEventStore();
    const fanout = new OrderedFanout(store);
    const sub = fanout.subscribe('0180', () => {});
    expect(fanout.municipalities()).toEqual(['0180']);
    sub.unsubscribe();
    expect(fanout.municipalities()).toEqual([]);
  });

  it('polls the log for events nobody announced', async () => {
    const store = new MemoryEventStore();
    const bus = createLocalEventBus(store, { pollMs: 20 });
    const got: number[] = [];
    await bus.subscribe('0180', (e) => got.push(e.seq)).ready;
    store.append('0180', 'x'); // committed, then the service crashed before publish
    await vi.waitFor(() => expect(got).toEqual([1]));
    await bus.close();
  });
});
