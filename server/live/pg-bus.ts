import type postgres from 'postgres';
import type { EventBus, LiveEvent } from './event-bus.ts';
import type { EventStore } from './event-store.ts';
import { type FanoutOptions, OrderedFanout } from './ordered-fanout.ts';

/** One channel for all municipalities; payloads are tiny, far below NOTIFY's 8 kB limit. */
export const LIVE_CHANNEL = 'live_events';

interface Notice {
  m: string;
  s: number;
}

/**
 * The bus of several server processes on one PostgreSQL. `publish` fans out locally at once
 * and sends NOTIFY {municipality, seq}; every process (this one too, harmlessly) hears it
 * and reads events it has not emitted from the table, so order, gaps and the 8 kB payload
 * limit are handled in one place. postgres.js keeps LISTEN on its own dedicated connection
 * and re-listens after a reconnect; then we catch up, since NOTIFYs sent meanwhile are lost.
 */
export async function createPgEventBus(
  sql: postgres.Sql,
  store: EventStore,
  options: FanoutOptions = {},
): Promise<EventBus> {
  const fanout = new OrderedFanout(store, options);
  let listening = false;
  const listener = await sql.listen(
    LIVE_CHANNEL,
    (payload) => {
      const notice = parseNotice(payload);
      if (notice) void fanout.offer(notice.m, notice.s);
    },
    () => {
      if (listening) void fanout.catchUp(); // a re-listen after a lost connection
      listening = true;
    },
  );
  const stopPolling = fanout.poll();
  let closed = false;
  return {
    async publish(event: LiveEvent) {
      if (closed) return;
      const local = fanout.offer(event.municipalityCode, event.seq, event);
      const notice: Notice = { m: event.municipalityCode, s: event.seq };
      await Promise.all([local, sql.notify(LIVE_CHANNEL, JSON.stringify(notice))]);
    },
    subscribe: (code, fn) => fanout.subscribe(code, fn),
    async close() {
      if (closed) return;
      closed = true;
      stopPolling();
      await listener.unlisten();
    },
  };
}

function parseNotice(payload: string): Notice | null {
  try {
    const v = JSON.parse(payload) as Partial<Notice>;
    return typeof v.m === 'string' && Number.isSafeInteger(v.s) ? (v as Notice) : null;
  } catch {
    return null;
  }
}
