import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DISCHARGE_CARE_TYPES,
  DISCHARGE_MESSAGE_KINDS,
  DISCHARGE_NEEDS,
  DISCHARGE_STATUSES,
} from '../reference/discharge.ts';
import { integrationClients } from './integration-clients.ts';
import { municipalities } from './municipalities.ts';
import { patients } from './patients.ts';

export const dischargeMessageKindEnum = pgEnum('discharge_message_kind', DISCHARGE_MESSAGE_KINDS);
export const dischargeStatusEnum = pgEnum('discharge_status', DISCHARGE_STATUSES);
export const dischargeCareTypeEnum = pgEnum('discharge_care_type', DISCHARGE_CARE_TYPES);
export const dischargeNeedEnum = pgEnum('discharge_need', DISCHARGE_NEEDS);

/**
 * One patient's hospital stay as the municipality follows it (health data: every read is
 * audited). Its fields are the fold of its messages in the order the region sent them, so a
 * message that arrives late never overwrites a newer one; rebuilt on every message.
 */
export const dischargeCases = pgTable(
  'discharge_cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    /** The region's id of the hospital stay (vårdtillfälle). */
    stayId: text().notNull(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    status: dischargeStatusEnum().notNull(),
    hospital: text(),
    ward: text(),
    careType: dischargeCareTypeEnum().notNull().default('somatic'),
    /** Both region and municipality are needed: a joint plan (SIP) within 3 days. */
    sipNeeded: boolean().notNull().default(false),
    needs: dischargeNeedEnum()
      .array()
      .notNull()
      .default(sql`'{}'::discharge_need[]`),
    expectedDischargeDate: date({ mode: 'string' }),
    readyAt: timestamp({ withTimezone: true }),
    plannedDischargeAt: timestamp({ withTimezone: true }),
    dischargedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /** First visits proposed from the needs when ready-for-discharge arrived (JSON, zod-checked). */
    proposedVisits: jsonb().notNull().default([]),
    visitsConfirmedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.municipalityCode, t.stayId),
    index().on(t.municipalityCode, t.status),
    index().on(t.patientId),
  ],
);

/**
 * Every message the region sent, once (its id is the key: the same message again changes
 * nothing), with when it was sent and when it arrived: the case's timeline. Only valid
 * messages are stored; `body` is the message as validated.
 */
export const dischargeMessages = pgTable(
  'discharge_messages',
  {
    messageId: text().primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => dischargeCases.id),
    clientId: uuid()
      .notNull()
      .references(() => integrationClients.id),
    kind: dischargeMessageKindEnum().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    /** SHA-256 of the canonical body: the same id with other content is refused (409). */
    contentHash: text().notNull(),
    body: jsonb().notNull(),
  },
  (t) => [index().on(t.caseId, t.sentAt)],
);
