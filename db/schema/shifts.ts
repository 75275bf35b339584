import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { shiftKindEnum } from './enums.ts';
import { municipalities } from './municipalities.ts';
import { staff } from './staff.ts';

/** One worked shift. Times in UTC; a night shift over a clock change lasts 7 or 9 hours. */
export const shifts = pgTable(
  'shifts',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    kind: shiftKindEnum().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Length of the break to take; Arbetstidslagen: no more than 5 h of work without one. */
    breakMinutes: integer().notNull().default(30),
    maxWorkWithoutBreakMinutes: integer().notNull().default(300),
  },
  (t) => [
    index().on(t.municipalityCode, t.startsAt),
    index().on(t.staffId, t.startsAt),
    check('shift_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('shift_at_most_16h', sql`${t.endsAt} <= ${t.startsAt} + interval '16 hours'`),
    check('shift_break_minutes', sql`${t.breakMinutes} >= 0 and ${t.breakMinutes} <= 120`),
  ],
);
