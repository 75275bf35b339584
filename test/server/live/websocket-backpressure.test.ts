import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { attachWebSocket } from '../../../server/live/attach-websocket.ts';
import { LiveHub } from '../../../server/live/hub.ts';
import { createLocalEventBus } from '../../../server/live/local-bus.ts';
import { CloseCode, PROTOCOL_VERSION } from '../../../server/live/protocol.ts';
import { createLogger } from '../../../server/logger.ts';
import { MemoryEventStore, fakeAuthenticate } from './support/fakes.ts';
import { wsClient } from './support/ws-client.ts';

describe('live updates over a real WebSocket: a client that stops reading', () => {
  let cleanup: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await cleanup?.();
    cleanup = null;
  });

  it('is closed as a slow consumer once the socket backs up, and sees the code when it reads again', async () => {
    const store = new MemoryEventStore();
    const bus = createLocalEventBus(store, { pollMs: 0 });
    const hub = new LiveHub({
      bus,
      store,
      snapshotProvider: async (code) => ({ seq: await store.currentSeq(code), state: {} }),
      limits: { tickMs: 20, highWaterBytes: 64 * 1024, slowConsumerMs: 200 },
    });
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const logger = createLogger('silent');
    const closeWs = attachWebSocket(server, { hub, authenticate: fakeAuthenticate, logger });
    cleanup = async () => {
      await closeWs();
      await hub.close();
      await bus.close();
      await new Promise((r) => server.close(r));
    };
    const client = await wsClient(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`);
    client.send({ type: 'hello', version: PROTOCOL_VERSION, token: 't:dispatcher:0180' });
    await client.next();
    client.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
    await client.next();

    client.ws.pause();
    // Frames written straight to the socket still count in its buffered amount: far more than
    // the kernel's socket buffers hold, so the server sees the client fall behind.
    const note = 'x'.repeat(100_000);
    for (let i = 0; i < 300 && hub.stats().connections > 0; i++) {
      await bus.publish(store.append('0180', 'visit.note', { note }));
      await new Promise((r) => setTimeout(r, 2));
    }
    for (let i = 0; i < 100 && hub.stats().connections > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(hub.stats().connections).toBe(0);

    client.ws.resume();
    expect((await client.closedWith(10_000)).code).toBe(CloseCode.slowConsumer);
    const seqs = client.received.flatMap((m) => (m.type === 'event' ? [m.seq] : []));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // what did arrive came in order, no gap
  });
});
