import { doublePrecision, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.ts';

/** A base (utgångspunkt): where staff start and end their shifts. */
export const bases = pgTable('bases', {
  id: uuid().primaryKey().defaultRandom(),
  municipalityCode: text()
    .notNull()
    .references(() => municipalities.code),
  name: text().notNull(),
  address: text().notNull(),
  lat: doublePrecision().notNull(),
  lon: doublePrecision().notNull(),
});

export const teams = pgTable(
  'teams',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    baseId: uuid()
      .notNull()
      .references(() => bases.id),
    name: text().notNull(),
  },
  (t) => [index().on(t.municipalityCode)],
);
