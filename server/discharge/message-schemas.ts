import { z } from '@hono/zod-openapi';
import { DISCHARGE_CARE_TYPES, DISCHARGE_NEEDS } from '../../db/reference/discharge.ts';
import { LocalDate, MunicipalityCode, Uuid, instantField } from '../http/schemas.ts';
import { PERSONAL_NUMBER_MESSAGES, personalNumberProblem } from './personal-number.ts';

const RegionId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

const Text = z.string().trim().min(1).max(200);
const Needs = z.array(z.enum(DISCHARGE_NEEDS)).max(20);

/** 12 digits with a valid Luhn check digit; the message never repeats the value. */
const PersonalNumber = z
  .string()
  .superRefine((value, ctx) => {
    const problem = personalNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: PERSONAL_NUMBER_MESSAGES[problem] });
  })
  .openapi({
    description:
      'Swedish personal identity number, 12 digits YYYYMMDDNNNN with a valid check digit (or a coordination number)',
    example: '191212121212',
  });

/** Who the patient is, for an admission notice about someone the municipality does not know. */
const NewPatient = z
  .strictObject({
    personalNumber: PersonalNumber,
    name: Text.openapi({ example: 'Tolvan Tolvansson' }),
    address: Text.openapi({ example: 'Storgatan 1, 111 22 Stockholm' }),
    lat: z.number().min(55).max(69.1).optional(),
    lon: z.number().min(10.9).max(24.2).optional(),
  })
  .openapi('DischargeNewPatient', {
    description:
      'The patient’s details: an unknown personal number creates the patient with the case (without lat and lon the place is the municipality’s centre, marked unconfirmed)',
  });

/** What every message carries: who sent what when, about which stay. */
const common = {
  messageId: RegionId.openapi({
    description: 'The region’s id of this message: the same id again changes nothing',
    example: 'lsp-2026-000123',
  }),
  sentAt: instantField(
    'When the region sent it: the order the case applies its messages in; within a year back and an hour ahead of now',
  ),
  municipality: MunicipalityCode,
  stayId: RegionId.openapi({
    description: 'The region’s id of the hospital stay: one case per municipality and stay',
    example: 'KS-2026-4711',
  }),
  patientId: Uuid.optional().openapi({
    description: 'The patient as the municipality knows them (this or personalNumber)',
  }),
  personalNumber: PersonalNumber.optional(),
};

const admission = z
  .strictObject({
    ...common,
    kind: z.literal('admission'),
    hospital: Text.openapi({ example: 'Karolinska Solna' }),
    ward: Text.openapi({ example: 'Geriatrik avd 3' }),
    expectedDischargeDate: LocalDate.optional(),
    needs: Needs.default([]),
    careType: z.enum(DISCHARGE_CARE_TYPES).default('somatic'),
    sipNeeded: z
      .boolean()
      .default(false)
      .openapi({ description: 'Both region and municipality needed: a joint plan (SIP)' }),
    patient: NewPatient.optional(),
  })
  .openapi('DischargeAdmission');

const update = z
  .strictObject({
    ...common,
    kind: z.literal('update'),
    hospital: Text.optional(),
    ward: Text.optional(),
    expectedDischargeDate: LocalDate.nullable().optional(),
    needs: Needs.optional(),
    careType: z.enum(DISCHARGE_CARE_TYPES).optional(),
    sipNeeded: z.boolean().optional(),
  })
  .openapi('DischargeUpdate');

const ready = z
  .strictObject({
    ...common,
    kind: z.literal('ready_for_discharge'),
    readyAt: instantField('When the patient was judged ready for discharge (utskrivningsklar)'),
  })
  .openapi('DischargeReady');

const planned = z
  .strictObject({
    ...common,
    kind: z.literal('planned_discharge'),
    plannedDischargeAt: instantField('When the patient is to leave hospital'),
  })
  .openapi('DischargePlanned');

const discharged = z
  .strictObject({
    ...common,
    kind: z.literal('discharged'),
    dischargedAt: instantField('When the patient left hospital'),
  })
  .openapi('DischargeDone');

const cancelled = z
  .strictObject({
    ...common,
    kind: z.literal('cancelled'),
    reason: z.enum(['no_municipal_need', 'transferred', 'deceased', 'other']).default('other'),
  })
  .openapi('DischargeCancelled');

export const DischargeMessage = z
  .discriminatedUnion('kind', [admission, update, ready, planned, discharged, cancelled])
  .openapi('DischargeMessage');
export type DischargeMessage = z.infer<typeof DischargeMessage>;

export const MessageReceipt = z
  .object({
    messageId: z.string(),
    caseId: Uuid,
    receivedAt: z.string().openapi({ description: 'When this message first arrived (UTC)' }),
  })
  .openapi('DischargeMessageReceipt');
