import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { reusableSql } from '../../db/reusable-query.ts';
import { events } from '../../db/schema/index.ts';

/** A transaction handle or the database: both expose the same query surface. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** What the append statements return per event (as the driver gives it). */
type AppendedRow = { seq: number | string; created_at: string | Date };

export interface AppendedEvent {
  municipalityCode: string;
  seq: number;
  type: string;
  payload: unknown;
  createdAt: Date;
}

const p = sql.placeholder;
const appendOne = reusableSql(
  'event_append',
  sql`
    with next as (
      insert into event_sequences (municipality_code, last_seq) values (${p('municipality')}, 1)
      on conflict (municipality_code) do update set last_seq = event_sequences.last_seq + 1
      returning last_seq)
    insert into ${events} (municipality_code, seq, type, payload)
    select ${p('municipality')}, next.last_seq, ${p('type')}, ${p('payload')}::text::jsonb
    from next
    returning seq, created_at`,
);

/**
 * Appends an event inside the caller's transaction. The upsert on event_sequences takes a
 * row lock held until commit, so numbers are gapless and in commit order per municipality.
 * One statement (number and row together), so the lock waits for one round trip less: every
 * write of a municipality queues on it. Callers append last, just before the commit.
 */
export async function appendEvent(
  tx: Tx,
  municipalityCode: string,
  type: string,
  payload: unknown,
): Promise<AppendedEvent> {
  const result = await appendOne(tx, {
    municipality: municipalityCode,
    type,
    payload: JSON.stringify(payload),
  });
  const rows = rowsOf<AppendedRow>(result);
  const [row] = rows;
  return {
    municipalityCode,
    seq: Number(row.seq),
    type,
    payload,
    createdAt: new Date(row.created_at),
  };
}

/**
 * Appends several events of one municipality in one statement, numbered in the order given:
 * the sequence row is held for one round trip however many there are (late-risk alerts
 * come by the hundred).
 */
export async function appendEvents(
  tx: Tx,
  municipalityCode: string,
  items: { type: string; payload: unknown }[],
): Promise<AppendedEvent[]> {
  if (items.length === 0) return [];
  const n = items.length;
  const json = JSON.stringify(items.map((e) => ({ type: e.type, payload: e.payload })));
  const result = await tx.execute(sql`
    with next as (
      insert into event_sequences (municipality_code, last_seq) values (${municipalityCode}, ${n})
      on conflict (municipality_code) do update set last_seq = event_sequences.last_seq + ${n}
      returning last_seq)
    insert into ${events} (municipality_code, seq, type, payload)
    select ${municipalityCode}, next.last_seq - ${n} + x.ord, x.e->>'type', x.e->'payload'
    from next, jsonb_array_elements(${json}::text::jsonb) with ordinality as x(e, ord)
    returning seq, created_at`);
  const rows = rowsOf<AppendedRow>(result);
  const first = Math.min(...rows.map((r) => Number(r.seq)));
  const createdAt = new Date(rows[0].created_at);
  return items.map((e, i) => ({
    municipalityCode,
    seq: first + i,
    type: e.type,
    payload: e.payload,
    createdAt,
  }));
}
