import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.ts';

/**
 * A repair a sick call produced, awaiting the dispatcher's acceptance. Kept in the database,
 * not in the process that solved it, so that any server process can accept it; it expires
 * (repairs go stale within minutes, and accepting re-checks every visit's version anyway).
 */
export const repairProposals = pgTable(
  'repair_proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** ProposedAssignment[]: the items not yet accepted. */
    assignments: jsonb().notNull(),
    /** The visits the repair could not place, with the solver's reason. */
    unplaced: jsonb().notNull(),
  },
  (t) => [index('repair_proposals_expires_at_idx').on(t.expiresAt)],
);
