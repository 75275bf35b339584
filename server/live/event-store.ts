import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { events, eventSequences } from '../../db/schema/index.ts';
import type { LiveEvent } from './event-bus.ts';

/** Reads the committed event log: what buses fill gaps from and what clients resume from. */
export interface EventStore {
  /** The last committed seq of a municipality (0 before its first event). */
  currentSeq(municipalityCode: string): Promise<number>;
  /** Up to `limit` events with seq > afterSeq, in seq order. */
  readAfter(municipalityCode: string, afterSeq: number, limit: number): Promise<LiveEvent[]>;
}

export function createEventStore(db: Db): EventStore {
  return {
    async currentSeq(municipalityCode) {
      const rows = await db
        .select({ lastSeq: eventSequences.lastSeq })
        .from(eventSequences)
        .where(eq(eventSequences.municipalityCode, municipalityCode));
      return rows[0] ? Number(rows[0].lastSeq) : 0;
    },
    async readAfter(municipalityCode, afterSeq, limit) {
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.municipalityCode, municipalityCode), gt(events.seq, afterSeq)))
        .orderBy(asc(events.seq))
        .limit(Math.max(0, Math.floor(limit)));
      return rows.map((r) => ({
        municipalityCode: r.municipalityCode,
        seq: Number(r.seq),
        type: r.type,
        payload: r.payload,
        at: r.createdAt.toISOString(),
      }));
    },
  };
}
