import { bigint, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.ts';

/**
 * Append-only change log. `seq` is gapless per municipality: it is taken from
 * event_sequences under a row lock in the same transaction as the change it records.
 */
export const events = pgTable(
  'events',
  {
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    seq: bigint({ mode: 'number' }).notNull(),
    type: text().notNull(),
    payload: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.seq] })],
);

export const eventSequences = pgTable('event_sequences', {
  municipalityCode: text()
    .primaryKey()
    .references(() => municipalities.code),
  lastSeq: bigint({ mode: 'number' }).notNull().default(0),
});
