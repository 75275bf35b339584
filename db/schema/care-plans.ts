import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  time,
  uuid,
} from 'drizzle-orm/pg-core';
import { professionEnum, taskTypeEnum, visitPriorityEnum } from './enums.ts';
import { patients } from './patients.ts';

/**
 * A recurring visit template. The window is local wall-clock time in Europe/Stockholm
 * (07:30-08:30 stays 07:30-08:30 across a clock change); visits made from it store UTC.
 */
export const carePlans = pgTable(
  'care_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    taskTypes: taskTypeEnum().array().notNull(),
    requiredProfession: professionEnum().notNull(),
    durationMinutes: integer().notNull(),
    /** Local start window: the visit starts no earlier than windowStart and no later than windowEnd. */
    windowStart: time().notNull(),
    windowEnd: time().notNull(),
    windowHard: boolean().notNull().default(false),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    daysOfWeek: smallint().array().notNull(),
    staffCount: smallint().notNull().default(1),
    /**
     * Whether generation may do this plan's tasks in one visit with the patient's other
     * combinable plans whose windows overlap (fewer arrivals at the door). Off for a visit that
     * must stand alone, e.g. palliative care or a two-person lift.
     */
    combinable: boolean().notNull().default(true),
    priority: visitPriorityEnum().notNull().default('planned'),
    validFrom: date().notNull(),
    validTo: date(),
  },
  (t) => [
    index().on(t.patientId),
    check('care_plan_staff_count', sql`${t.staffCount} in (1, 2)`),
    check('care_plan_duration', sql`${t.durationMinutes} between 5 and 480`),
    check('care_plan_has_tasks', sql`cardinality(${t.taskTypes}) > 0`),
  ],
);
