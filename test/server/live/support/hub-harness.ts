import type { EventBus } from '../../../../server/live/event-bus.ts';
import { LiveHub, type HubConnection } from '../../../../server/live/hub.ts';
import type { HubLimits } from '../../../../server/live/limits.ts';
import { createLocalEventBus } from '../../../../server/live/local-bus.ts';
import { PROTOCOL_VERSION } from '../../../../server/live/protocol.ts';
import type { SnapshotProvider } from '../../../../server/live/socket.ts';
import {
  FakeSocket,
  ManualClock,
  MemoryEventStore,
  fakeAuthenticate,
  noTimers,
  settle,
} from './fakes.ts';

/** A hub on an in-memory log and bus, with a pinned clock and hand-driven ticks. */
export function hubHarness(limits: Partial<HubLimits> = {}, snapshot?: SnapshotProvider) {
  const store = new MemoryEventStore();
  const bus: EventBus = createLocalEventBus(store, { pollMs: 0 });
  const clock = new ManualClock();
  const snapshotProvider: SnapshotProvider =
    snapshot ??
    (async (code) => {
      await Promise.resolve(); // a read takes time, but state and seq come from one moment
      const seqs = store.all(code).map((e) => e.seq);
      return { seq: seqs.length, state: { seqs } };
    });
  const hub = new LiveHub({
    bus,
    store,
    snapshotProvider,
    now: clock.now,
    timers: noTimers,
    limits,
  });

  /** Appends to the log and publishes, as a service does after its commit. */
  const append = async (code: string, type = 'visit.updated', payload: unknown = {}) => {
    const event = store.append(code, type, payload);
    await bus.publish(event);
    return event;
  };

  /** A socket that has said hello and been welcomed. */
  const client = async (token = 't:dispatcher:0180,0184') => {
    const socket = new FakeSocket();
    const conn: HubConnection = hub.connect(socket, { authenticate: fakeAuthenticate });
    conn.receive(JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, token }));
    await settle();
    const send = async (msg: unknown) => {
      conn.receive(typeof msg === 'string' ? msg : JSON.stringify(msg));
      await settle();
    };
    return { socket, conn, send };
  };
  return { store, bus, clock, hub, append, client };
}
