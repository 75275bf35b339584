import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { Database } from '../../db/client.ts';

/** One caregiver's fix as it travels between processes: ephemeral, no seq, not in the log. */
export interface LivePosition {
  municipalityCode: string;
  staffId: string;
  lat: number;
  lon: number;
  /** ISO UTC time of the fix. */
  at: string;
  status: string;
}

/**
 * Every position a phone reports, to the hubs of every process. Best effort: a position
 * lost on the way is replaced by the next one seconds later, so there is no seq, no replay
 * and no catch-up (the sampled `staff.position` events are the durable record).
 */
export interface PositionBus {
  publish(p: LivePosition): void;
  /** Positions of one municipality, from any process; returns the way to stop. */
  subscribe(municipalityCode: string, listener: (p: LivePosition) => void): () => void;
  close(): Promise<void>;
}

/** Its own channel, apart from the events': a position never waits behind a log read. */
export const POSITION_CHANNEL = 'live_positions';

/** The bus that fits the database: NOTIFY on PostgreSQL, in memory on PGlite. */
export function createPositionBus(database: Database): Promise<PositionBus> {
  return database.raw.kind === 'postgres'
    ? createPgPositionBus(database.raw.client)
    : Promise.resolve(createLocalPositionBus());
}

class Listeners {
  private readonly byCode = new Map<string, Set<(p: LivePosition) => void>>();

  add(code: string, listener: (p: LivePosition) => void): () => void {
    const set = this.byCode.get(code) ?? new Set();
    this.byCode.set(code, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byCode.get(code) === set) this.byCode.delete(code);
    };
  }

  deliver(p: LivePosition): void {
    for (const listener of this.byCode.get(p.municipalityCode) ?? []) listener(p);
  }
}

/** One process (the embedded PGlite): straight to the listeners. */
export function createLocalPositionBus(): PositionBus {
  const listeners = new Listeners();
  let closed = false;
  return {
    publish: (p) => {
      if (!closed) listeners.deliver(p);
    },
    subscribe: (code, listener) => listeners.add(code, listener),
    close: async () => {
      closed = true;
    },
  };
}

interface Notice extends LivePosition {
  /** The sending bus: it has delivered locally already and skips its own notice. */
  origin: string;
}

/**
 * Several processes on one PostgreSQL: local listeners at once, the others by NOTIFY (a few
 * hundred bytes, far below the 8 kB limit) on the connection postgres.js keeps for LISTEN.
 */
export async function createPgPositionBus(sql: postgres.Sql): Promise<PositionBus> {
  const origin = randomUUID();
  const listeners = new Listeners();
  const listener = await sql.listen(POSITION_CHANNEL, (payload) => {
    const notice = parseNotice(payload);
    if (notice && notice.origin !== origin) {
      const { origin: _origin, ...p } = notice;
      listeners.deliver(p);
    }
  });
  let closed = false;
  return {
    publish: (p) => {
      if (closed) return;
      listeners.deliver(p);
      const notice: Notice = { ...p, origin };
      // Best effort: a position that fails to go out is superseded by the next.
      sql.notify(POSITION_CHANNEL, JSON.stringify(notice)).catch(() => {});
    },
    subscribe: (code, fn) => listeners.add(code, fn),
    close: async () => {
      if (closed) return;
      closed = true;
      await listener.unlisten();
    },
  };
}

function parseNotice(payload: string): Notice | null {
  try {
    const v = JSON.parse(payload) as Partial<Notice>;
    const ok =
      typeof v.origin === 'string' &&
      typeof v.municipalityCode === 'string' &&
      typeof v.staffId === 'string' &&
      typeof v.lat === 'number' &&
      typeof v.lon === 'number' &&
      typeof v.at === 'string' &&
      typeof v.status === 'string';
    return ok ? (v as Notice) : null;
  } catch {
    return null;
  }
}
