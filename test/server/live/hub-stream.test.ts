import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../server/live/socket.ts';
import { settle } from './support/fakes.ts';
import { hubHarness } from './support/hub-harness.ts';

const sub = (code: string, lastSeq?: number) => ({
  type: 'subscribe',
  municipalities: [lastSeq === undefined ? { code } : { code, lastSeq }],
});

describe('live hub: snapshot, events and resume', () => {
  it('sends a snapshot with the current seq, then events in order', async () => {
    const { client, append } = hubHarness();
    await append('0180');
    await append('0180');
    const { socket, send } = await client();
    await send(sub('0180'));
    await append('0180', 'visit.assigned', { visitId: 'v1' });
    await append('0184'); // not followed
    await append('0180');
    const [, snapshot, ...events] = socket.messages();
    expect(snapshot).toEqual({
      type: 'snapshot',
      municipality: '0180',
      seq: 2,
      state: { seqs: [1, 2] },
    });
    expect(events).toEqual([
      {
        type: 'event',
        municipality: '0180',
        seq: 3,
        eventType: 'visit.assigned',
        payload: { visitId: 'v1' },
        at: '1970-01-01T00:00:00.000Z',
      },
      expect.objectContaining({ type: 'event', seq: 4 }),
    ]);
  });

  it('resumes with lastSeq: exactly the missed events, from the log, then live', async () => {
    const { client, append } = hubHarness();
    for (let i = 0; i < 5; i++) await append('0180');
    const { socket, send } = await client();
    await send(sub('0180', 2));
    await append('0180');
    expect(socket.ofType('snapshot')).toEqual([]);
    expect(socket.eventSeqs()).toEqual([3, 4, 5, 6]);
  });

  it('resumes at the head with nothing to send, then live', async () => {
    const { client, append } = hubHarness();
    for (let i = 0; i < 3; i++) await append('0180');
    const { socket, send } = await client();
    await send(sub('0180', 3));
    expect(socket.messages().map((m) => m.type)).toEqual(['welcome']);
    await append('0180');
    expect(socket.eventSeqs()).toEqual([4]);
  });

  it('sends a fresh snapshot when lastSeq is older than the backlog allows, or ahead of the log', async () => {
    const { client, append } = hubHarness({ maxBacklog: 3 });
    for (let i = 0; i < 5; i++) await append('0180');
    const old = await client();
    await old.send(sub('0180', 1));
    expect(old.socket.ofType('snapshot').map((s) => s.seq)).toEqual([5]);
    expect(old.socket.eventSeqs()).toEqual([]);
    const ahead = await client();
    await ahead.send(sub('0180', 50)); // another database, or a reset one
    expect(ahead.socket.ofType('snapshot').map((s) => s.seq)).toEqual([5]);
    const recent = await client();
    await recent.send(sub('0180', 2));
    expect(recent.socket.eventSeqs()).toEqual([3, 4, 5]);
  });

  it('loses nothing and repeats nothing committed while the snapshot is being read', async () => {
    let release: (s: Snapshot) => void = () => {};
    const { client, append, store } = hubHarness({}, () => new Promise((r) => (release = r)));
    await append('0180');
    const { socket, send } = await client();
    await send(sub('0180'));
    await append('0180'); // 2: published while the snapshot is pending, and in it
    const seqAtRead = await store.currentSeq('0180');
    await append('0180'); // 3: after the snapshot's read
    release({ seq: seqAtRead, state: null });
    await settle();
    await append('0180');
    expect(socket.ofType('snapshot')[0].seq).toBe(2);
    expect(socket.eventSeqs()).toEqual([3, 4]);
  });

  it('delivers in seq order when publishes come out of commit order', async () => {
    const { client, store, bus } = hubHarness();
    const { socket, send } = await client();
    await send(sub('0180'));
    const e1 = store.append('0180', 'a');
    const e2 = store.append('0180', 'b');
    const e3 = store.append('0180', 'c');
    await bus.publish(e3); // the bus reads 1 and 2 from the log
    await bus.publish(e1);
    await bus.publish(e2);
    await settle();
    expect(socket.eventSeqs()).toEqual([1, 2, 3]);
  });

  it('follows several municipalities independently and stops on unsubscribe', async () => {
    const { client, append, hub } = hubHarness();
    const { socket, send } = await client();
    await send({ type: 'subscribe', municipalities: [{ code: '0180' }, { code: '0184' }] });
    await append('0180');
    await append('0184');
    await send({ type: 'unsubscribe', municipalities: ['0180'] });
    await append('0180');
    await append('0184');
    expect(socket.eventSeqs('0180')).toEqual([1]);
    expect(socket.eventSeqs('0184')).toEqual([1, 2]);
    expect(hub.stats().municipalities).toBe(1);
  });

  it('restarts a subscription that is sent again, from its new lastSeq', async () => {
    const { client, append } = hubHarness();
    for (let i = 0; i < 3; i++) await append('0180');
    const { socket, send } = await client();
    await send(sub('0180'));
    await send(sub('0180', 1));
    expect(socket.ofType('snapshot').map((s) => s.seq)).toEqual([3]);
    expect(socket.eventSeqs()).toEqual([2, 3]);
  });

  it('closes with internalError when the log cannot be read, so the client resumes', async () => {
    const { client, append, store } = hubHarness();
    await append('0180');
    store.readAfter = () => Promise.reject(new Error('connection lost'));
    const { socket, send } = await client();
    await send(sub('0180', 0));
    expect(socket.ofType('error')[0]).toMatchObject({ code: 'unavailable', municipality: '0180' });
    expect(socket.closedWith?.code).toBe(1011);
  });

  it('closes with internalError when the bus cannot follow the municipality', async () => {
    const { client, store } = hubHarness();
    store.currentSeq = () => Promise.reject(new Error('connection lost'));
    const { socket, send } = await client();
    await send(sub('0180'));
    expect(socket.ofType('snapshot')).toEqual([]);
    expect(socket.closedWith?.code).toBe(1011);
  });
});
