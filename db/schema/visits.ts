import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { carePlans } from './care-plans.ts';
import {
  professionEnum,
  taskTypeEnum,
  visitPriorityEnum,
  visitSourceEnum,
  visitStatusEnum,
} from './enums.ts';
import { municipalities } from './municipalities.ts';
import { patients } from './patients.ts';

/**
 * One occurrence of a visit. The window bounds the start (UTC): earliest start windowStart,
 * latest start windowEnd; a hard window may not be missed, a soft one costs lateness.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    carePlanId: uuid().references(() => carePlans.id),
    /**
     * A visit generation combined from several care plans (fewer arrivals): carePlanId is the
     * lead plan, the one that identifies the visit from day to day (one visit per lead plan
     * and day), and these are the other plans whose tasks it also does, sorted. Empty for a
     * visit of one plan. An array, not a link table: it is read and written with the visit,
     * and care plans are ended (validTo), never deleted.
     */
    alsoCarePlanIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    windowEnd: timestamp({ withTimezone: true }).notNull(),
    windowHard: boolean().notNull().default(false),
    durationMinutes: integer().notNull(),
    taskTypes: taskTypeEnum().array().notNull(),
    requiredProfession: professionEnum().notNull(),
    staffCount: smallint().notNull().default(1),
    priority: visitPriorityEnum().notNull().default('planned'),
    source: visitSourceEnum().notNull().default('plan'),
    status: visitStatusEnum().notNull().default('unassigned'),
    pinned: boolean().notNull().default(false),
    /** Locked to a time as well: the planned start planning keeps (pinned must be true). */
    pinnedStart: timestamp({ withTimezone: true }),
    /** Optimistic concurrency: every write names the version it expects. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.municipalityCode, t.windowStart),
    index().on(t.patientId, t.windowStart),
    index().on(t.municipalityCode, t.status),
    // Urgent response by registration time, and the board's refresh of a day's urgent calls.
    index()
      .on(t.municipalityCode, t.createdAt)
      .where(sql`${t.priority} <> 'planned'`),
    check('visit_window_order', sql`${t.windowEnd} >= ${t.windowStart}`),
    check('visit_staff_count', sql`${t.staffCount} in (1, 2)`),
    check('visit_duration', sql`${t.durationMinutes} between 5 and 480`),
    check('visit_has_tasks', sql`cardinality(${t.taskTypes}) > 0`),
    check('visit_pinned_start', sql`${t.pinnedStart} is null or ${t.pinned}`),
  ],
);
