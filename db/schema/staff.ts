import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { professionEnum, travelModeEnum } from './enums.ts';
import { municipalities } from './municipalities.ts';
import { teams } from './organisation.ts';

export const staff = pgTable(
  'staff',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** HSA-id shape: SE + 10-digit organisation number + '-' + a code. */
    hsaId: text().notNull().unique(),
    name: text().notNull(),
    profession: professionEnum().notNull(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    travelMode: travelModeEnum().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.municipalityCode, t.name),
    index().on(t.teamId),
    check('staff_hsa_id_shape', sql`${t.hsaId} ~ '^SE[0-9]{10}-[A-Za-z0-9]+$'`),
  ],
);
