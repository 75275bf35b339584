import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { visitStatusEnum } from './enums.ts';
import { municipalities } from './municipalities.ts';
import { staff } from './staff.ts';
import { visits } from './visits.ts';

/**
 * What happened at a visit, as the caregivers reported it: one row per visit, written in the
 * same transaction as each status change. The events hold the same facts; this projection
 * lets the manager's board read months of visits with plain indexed SQL instead of scanning
 * JSON payloads.
 */
export const visitActuals = pgTable(
  'visit_actuals',
  {
    visitId: uuid()
      .primaryKey()
      .references(() => visits.id, { onDelete: 'cascade' }),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    /** The caregiver who reported (the first, on a two-person visit). */
    staffId: uuid().references(() => staff.id),
    enRouteAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    /** done, no_access or cancelled once finished; null while under way. */
    outcome: visitStatusEnum(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.municipalityCode, t.startedAt), index().on(t.staffId, t.startedAt)],
);
