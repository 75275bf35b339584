import { sql } from 'drizzle-orm';
import { check, index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { taskTypeEnum } from './enums.ts';
import { patients } from './patients.ts';
import { staff } from './staff.ts';

/**
 * An RN's written delegation of one task type to an AN: personal, at most one year,
 * revocable, optionally for one named patient (SOSFS 1997:14).
 */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    taskType: taskTypeEnum().notNull(),
    delegatedBy: uuid()
      .notNull()
      .references(() => staff.id),
    patientId: uuid().references(() => patients.id),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validTo: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.staffId),
    check('delegation_period_order', sql`${t.validTo} > ${t.validFrom}`),
    check('delegation_at_most_one_year', sql`${t.validTo} <= ${t.validFrom} + interval '1 year'`),
    check('delegation_not_to_self', sql`${t.staffId} <> ${t.delegatedBy}`),
  ],
);
