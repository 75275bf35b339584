import type { EventBus, LiveEvent } from './event-bus.ts';
import type { EventStore } from './event-store.ts';
import { type FanoutOptions, OrderedFanout } from './ordered-fanout.ts';

/**
 * The bus of a single server process (the embedded PGlite is single-process): publishes
 * fan out in memory, still strictly in seq order — two transactions may publish in the
 * opposite order to their commits, and the fan-out reads a skipped event from the table.
 */
export function createLocalEventBus(store: EventStore, options: FanoutOptions = {}): EventBus {
  const fanout = new OrderedFanout(store, options);
  const stopPolling = fanout.poll();
  let closed = false;
  return {
    async publish(event: LiveEvent) {
      if (!closed) await fanout.offer(event.municipalityCode, event.seq, event);
    },
    subscribe: (code, listener) => fanout.subscribe(code, listener),
    async close() {
      closed = true;
      stopPolling();
    },
  };
}
