import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../server/live/protocol.ts';
import { hubHarness } from './support/hub-harness.ts';

const pos = (staffId: string, n: number) => ({ staffId, lat: 59.3 + n / 1000, lon: 18.07 });

/** A client following 0180 whose socket is then congested. */
async function congested(limits = {}) {
  const h = hubHarness({ highWaterBytes: 1000, slowConsumerMs: 5000, ...limits });
  const c = await h.client();
  await c.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
  c.socket.bufferedAmount = 5000;
  c.socket.sent = [];
  return { ...h, ...c };
}

describe('live hub: backpressure', () => {
  it('coalesces position updates per staff member, sheds metrics, keeps the rest in order', async () => {
    const { append, socket, hub } = await congested();
    await append('0180', 'staff.position', pos('anna', 1)); // 1
    await append('0180', 'staff.position', pos('bo', 1)); // 2
    await append('0180', 'visit.assigned', { visitId: 'v1' }); // 3
    await append('0180', 'metrics.punctuality', { share: 0.9 }); // 4: recomputable
    await append('0180', 'staff.position', pos('anna', 2)); // 5: supersedes 1
    await append('0180', 'staff.position', pos('anna', 3)); // 6: supersedes 5
    hub.tick();
    expect(socket.sent).toEqual([]); // still congested
    expect(hub.stats().queued).toBe(3);
    socket.bufferedAmount = 0;
    hub.tick();
    const events = socket.ofType('event');
    expect(events.map((e) => [e.seq, e.eventType])).toEqual([
      [2, 'staff.position'],
      [3, 'visit.assigned'],
      [6, 'staff.position'],
    ]);
    expect(events[2].payload).toEqual(pos('anna', 3));
    expect(hub.stats().queued).toBe(0);
    expect(socket.closedWith).toBeNull();
  });

  it('sends straight through again once the socket has drained', async () => {
    const { append, socket, hub } = await congested();
    await append('0180');
    socket.bufferedAmount = 0;
    hub.tick();
    await append('0180');
    expect(socket.eventSeqs()).toEqual([1, 2]);
  });

  it('flushes only while the socket has room', async () => {
    const { append, socket, hub } = await congested({ highWaterBytes: 1000 });
    for (let i = 0; i < 5; i++) await append('0180');
    // Each send adds to the buffer, as a real socket does until the network takes it.
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      send(data);
      socket.bufferedAmount += 600;
    };
    socket.bufferedAmount = 0;
    hub.tick();
    expect(socket.eventSeqs()).toEqual([1, 2]);
    socket.bufferedAmount = 0;
    hub.tick();
    expect(socket.eventSeqs()).toEqual([1, 2, 3, 4]);
  });

  it('closes a consumer that stays congested with slowConsumer', async () => {
    const { append, socket, hub, clock } = await congested({ slowConsumerMs: 5000 });
    await append('0180');
    clock.advance(5000);
    hub.tick();
    expect(socket.closedWith).toBeNull();
    clock.advance(1);
    hub.tick();
    expect(socket.closedWith?.code).toBe(CloseCode.slowConsumer);
    expect(hub.stats()).toMatchObject({ connections: 0, municipalities: 0, queued: 0 });
  });

  it('bounds the queue: overflow closes with slowConsumer at once', async () => {
    const { append, socket, hub } = await congested({ maxQueuedMessages: 10 });
    for (let i = 0; i < 10; i++) await append('0180');
    expect(socket.closedWith).toBeNull();
    // Coalesced positions of one caregiver never fill the queue.
    for (let i = 0; i < 100; i++) await append('0180', 'staff.position', pos('anna', i));
    expect(socket.closedWith?.code).toBe(CloseCode.slowConsumer);
    expect(hub.stats().connections).toBe(0);
  });

  it('bounds the queue in bytes too', async () => {
    const { append, socket } = await congested({ maxQueuedBytes: 2000 });
    await append('0180', 'visit.note', { text: 'x'.repeat(1500) });
    expect(socket.closedWith).toBeNull();
    await append('0180', 'visit.note', { text: 'x'.repeat(1500) });
    expect(socket.closedWith?.code).toBe(CloseCode.slowConsumer);
  });

  it('a closed slow consumer resumes with lastSeq and gets exactly the rest', async () => {
    const { append, socket, hub, client, clock } = await congested();
    await append('0180');
    socket.bufferedAmount = 0;
    hub.tick(); // 1 delivered
    socket.bufferedAmount = 5000;
    await append('0180');
    await append('0180');
    clock.advance(6000);
    hub.tick();
    expect(socket.closedWith?.code).toBe(CloseCode.slowConsumer);
    const lastSeq = socket.eventSeqs().at(-1);
    const again = await client();
    await again.send({ type: 'subscribe', municipalities: [{ code: '0180', lastSeq }] });
    expect(again.socket.eventSeqs()).toEqual([2, 3]);
  });
});
