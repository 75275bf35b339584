import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.ts';

/**
 * A system client (the region's discharge integration, Lifecare SP): no person logs in, it
 * sends an API key. Only the key's SHA-256 is stored; a disabled client is refused at once.
 */
export const integrationClients = pgTable('integration_clients', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  keyHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp({ withTimezone: true }),
});

/** The municipalities a system client may send messages for. */
export const integrationClientMunicipalities = pgTable(
  'integration_client_municipalities',
  {
    clientId: uuid()
      .notNull()
      .references(() => integrationClients.id, { onDelete: 'cascade' }),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.municipalityCode] })],
);
