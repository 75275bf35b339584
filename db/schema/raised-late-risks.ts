import { integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { visits } from './visits.ts';

/**
 * Which version of a visit a late-risk alert went out for. Every server process runs its own
 * late-risk loop; the primary key lets one alert through when two passes race (the second
 * insert waits for the first to commit, then finds it), so a dispatcher gets it once.
 */
export const raisedLateRisks = pgTable(
  'raised_late_risks',
  {
    visitId: uuid()
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.version] })],
);
