import { index, integer, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff.ts';
import { visits } from './visits.ts';

/** Visit ↔ caregiver; a two-person visit has two rows. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid().primaryKey().defaultRandom(),
    visitId: uuid()
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    plannedStart: timestamp({ withTimezone: true }).notNull(),
    routeOrder: integer().notNull(),
    /**
     * Travel to this visit from the caregiver's previous stop (or start) as planned, in seconds;
     * null where no plan priced it (a dispatcher's manual assignment). The board compares it
     * with the reported travel.
     */
    plannedTravelSeconds: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.visitId, t.staffId),
    index().on(t.staffId, t.plannedStart),
    // The board's refresh of one day's legs (economics' travel distance).
    index().on(t.plannedStart),
  ],
);
