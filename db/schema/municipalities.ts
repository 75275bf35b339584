import { doublePrecision, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** The tenant: one of Stockholm County's 26 municipalities (SCB code, e.g. '0180'). */
export const municipalities = pgTable('municipalities', {
  code: text().primaryKey(),
  name: text().notNull().unique(),
  lat: doublePrecision().notNull(),
  lon: doublePrecision().notNull(),
  population: integer().notNull(),
  areaKm2: doublePrecision().notNull(),
  timeZone: text().notNull().default('Europe/Stockholm'),
});
