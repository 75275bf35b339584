import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { events } from '../../db/schema/index.ts';

/** A transaction handle or the database: both expose the same query surface. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface AppendedEvent {
  municipalityCode: string;
  seq: number;
  type: string;
  payload: unknown;
  createdAt: Date;
}

/**
 * Appends an event inside the caller's transaction. The upsert on event_sequences takes a
 * row lock held until commit, so numbers are gapless and in commit order per municipality.
 */
export async function appendEvent(
  tx: Tx,
  municipalityCode: string,
  type: string,
  payload: unknown,
): Promise<AppendedEvent> {
  const result = await tx.execute<{ last_seq: number | string }>(sql`
    insert into event_sequences (municipality_code, last_seq) values (${municipalityCode}, 1)
    on conflict (municipality_code) do update set last_seq = event_sequences.last_seq + 1
    returning last_seq`);
  const rows = Array.isArray(result)
    ? result
    : (result as { rows: { last_seq: number | string }[] }).rows;
  const seq = Number(rows[0].last_seq);
  const [row] = await tx
    .insert(events)
    .values({ municipalityCode, seq, type, payload })
    .returning({ createdAt: events.createdAt });
  return { municipalityCode, seq, type, payload, createdAt: row.createdAt };
}
