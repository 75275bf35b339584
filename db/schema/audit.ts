import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Patient-data access log (Patientdatalagen, HSLF-FS 2016:40): who read or changed which
 * patient's data, in which unit, when and why. Kept at least five years; never updated.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: text().notNull(),
    role: text().notNull(),
    patientId: uuid(),
    municipalityCode: text(),
    unit: text(),
    action: text().notNull(),
    requestId: text(),
    reason: text(),
    emergency: boolean().notNull().default(false),
  },
  (t) => [index().on(t.patientId, t.at), index().on(t.at)],
);
