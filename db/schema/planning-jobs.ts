import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.ts';
import { teams } from './organisation.ts';
import { users } from './users.ts';

export const PLANNING_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type PlanningJobStatus = (typeof PLANNING_JOB_STATUSES)[number];
export const planningJobStatusEnum = pgEnum('planning_job_status', PLANNING_JOB_STATUSES);

/**
 * A planning job: one municipality's (or one team's) service day, solved off the request
 * thread by whichever server process claims it (FOR UPDATE SKIP LOCKED). The partial unique
 * index keeps one queued or running job per municipality and day across all processes; the
 * heartbeat lets a reaper fail or requeue the job of a process that died.
 */
export const planningJobs = pgTable(
  'planning_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    /** The local (Europe/Stockholm) date of the service day. */
    serviceDate: date({ mode: 'string' }).notNull(),
    /** Only this team's caregivers and patients; null: the whole municipality. */
    teamId: uuid().references(() => teams.id),
    status: planningJobStatusEnum().notNull().default('queued'),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    requestedByUsername: text(),
    budgetSeconds: integer().notNull(),
    seed: integer().notNull().default(1),
    /** Tries so far; a job reaped from a dead process is queued again until its last. */
    attempts: integer().notNull().default(0),
    /** The process that holds it while running; its writes name it, so a reaped one's do not land. */
    workerId: text(),
    /** JobProgress: elapsed ms, best cost, visits placed of the total. */
    progress: jsonb(),
    /** JobResult: the proposed plan, the unplaced with reasons, summary figures. */
    result: jsonb(),
    /** DayBasis: the versions the plan was made from, for refusing a stale publish. */
    basis: jsonb(),
    /** A hash of `basis`. */
    fingerprint: text(),
    error: text(),
    heartbeatAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('planning_jobs_one_active_per_day')
      .on(t.municipalityCode, t.serviceDate)
      .where(sql`${t.status} in ('queued', 'running')`),
    index('planning_jobs_claim_idx').on(t.status, t.createdAt),
    index().on(t.municipalityCode, t.serviceDate),
    check('planning_job_budget', sql`${t.budgetSeconds} between 1 and 600`),
  ],
);
