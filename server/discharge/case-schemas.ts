import { z } from '@hono/zod-openapi';
import {
  DISCHARGE_CARE_TYPES,
  DISCHARGE_MESSAGE_KINDS,
  DISCHARGE_NEEDS,
  DISCHARGE_STATUSES,
} from '../../db/reference/discharge.ts';
import { TASK_TYPE_NAMES } from '../../db/reference/task-types.ts';
import { Instant, MunicipalityCode, Uuid } from '../http/schemas.ts';

const Utc = z.string().openapi({ description: 'UTC instant' });
const Local = z.string().openapi({ description: 'The same instant in Stockholm time' });
const Day = z.string().openapi({ description: 'Stockholm calendar day YYYY-MM-DD' });

export const DischargeClock = z
  .object({
    dayZero: Day.nullable(),
    sipDeadline: Day.nullable().openapi({
      description: 'The joint plan (SIP) is due by this day (null: none needed, or not ready yet)',
    }),
    liabilityStart: Day.nullable().openapi({
      description: 'The first day the municipality pays for',
    }),
    daysToLiability: z.number().int().nullable().openapi({
      description:
        '1: liability starts tomorrow; 0 or less: it has started; null: no clock or it has stopped',
    }),
    liableDays: z.number().int(),
    costSek: z.number().int(),
    dailyAmountSek: z.number().int(),
  })
  .openapi('DischargeClock');

export const ProposedVisitSchema = z
  .object({
    need: z.enum(DISCHARGE_NEEDS),
    taskTypes: z.array(z.enum(TASK_TYPE_NAMES)),
    durationMinutes: z.number().int(),
    staffCount: z.union([z.literal(1), z.literal(2)]),
    windowStart: Utc,
    windowEnd: Utc,
  })
  .openapi('DischargeProposedVisit');

export const DischargeCaseSchema = z
  .object({
    id: Uuid,
    municipality: MunicipalityCode,
    stayId: z.string(),
    patientId: Uuid,
    patientName: z.string(),
    locationConfirmed: z.boolean().openapi({
      description:
        'False: the patient was created from the admission notice without coordinates, placed at the municipality’s centre until someone confirms the place',
    }),
    status: z.enum(DISCHARGE_STATUSES),
    hospital: z.string().nullable(),
    ward: z.string().nullable(),
    careType: z.enum(DISCHARGE_CARE_TYPES),
    sipNeeded: z.boolean(),
    needs: z.array(z.enum(DISCHARGE_NEEDS)),
    expectedDischargeDate: Day.nullable(),
    readyAt: Utc.nullable(),
    readyAtLocal: Local.nullable(),
    plannedDischargeAt: Utc.nullable(),
    plannedDischargeAtLocal: Local.nullable(),
    dischargedAt: Utc.nullable(),
    cancelledAt: Utc.nullable(),
    visitsConfirmedAt: Utc.nullable(),
    clock: DischargeClock,
  })
  .openapi('DischargeCase');

export const TimelineEntry = z
  .object({
    messageId: z.string(),
    kind: z.enum(DISCHARGE_MESSAGE_KINDS),
    sentAt: Utc,
    sentAtLocal: Local,
    receivedAt: Utc,
    receivedAtLocal: Local,
    /** Arrived after a message sent later than it: applied in its place in the history. */
    late: z.boolean().openapi({ description: 'Arrived after a message the region sent later' }),
    content: z.record(z.string(), z.unknown()).openapi({
      description:
        'What the message said, beyond its id, kind, times, municipality, stay and patient',
    }),
  })
  .openapi('DischargeTimelineEntry');

export const DischargeCaseDetail = DischargeCaseSchema.extend({
  personalNumber: z.string().nullable().openapi({
    description: 'The patient’s personal identity number, when the municipality has it',
  }),
  timeline: z.array(TimelineEntry),
  proposedVisits: z.array(ProposedVisitSchema),
}).openapi('DischargeCaseDetail');

export const DischargeCaseList = z
  .object({ items: z.array(DischargeCaseSchema) })
  .openapi('DischargeCaseList');

export const CaseQuery = z.object({
  municipality: MunicipalityCode.optional(),
});

export const ConfirmVisitsBody = z
  .strictObject({
    visits: z
      .array(
        z.strictObject({
          taskTypes: z.array(z.enum(TASK_TYPE_NAMES)).min(1).max(10),
          durationMinutes: z.number().int().min(5).max(480),
          staffCount: z.union([z.literal(1), z.literal(2)]).default(1),
          windowStart: Instant,
          windowEnd: Instant,
        }),
      )
      .min(1)
      .max(20)
      .optional()
      .openapi({ description: 'The visits as edited; omitted: the proposal as it stands' }),
  })
  .openapi('DischargeConfirmVisits');

export const ConfirmedVisits = z
  .object({ caseId: Uuid, visitIds: z.array(Uuid) })
  .openapi('DischargeConfirmedVisits');

export const DischargeSummary = z
  .object({
    open: z.number().int().openapi({ description: 'Open cases (admitted or ready)' }),
    notReady: z.number().int().openapi({ description: 'Open cases without ready-for-discharge' }),
    costing: z.number().int().openapi({ description: 'Cases in payment liability now' }),
    liableTomorrow: z.number().int().openapi({ description: 'Cases liable from tomorrow' }),
    costSek: z.number().int().openapi({ description: 'The open cases’ cost so far' }),
    monthCostSek: z.number().int().openapi({
      description:
        'The cost for days of this Stockholm month: the open cases’ and that of the cases discharged or cancelled this month',
    }),
    nearestDaysToLiability: z.number().int().nullable().openapi({
      description: 'The fewest days left before liability among cases not liable yet',
    }),
    leadTime: z
      .object({
        cases: z.number().int(),
        medianHours: z.number().nullable(),
        p90Hours: z.number().nullable(),
      })
      .openapi({
        description:
          'Hours from ready-for-discharge to discharge over the cases discharged in the last 90 days (nearest rank)',
      }),
  })
  .openapi('DischargeSummary');
