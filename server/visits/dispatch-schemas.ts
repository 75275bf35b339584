import { z } from '@hono/zod-openapi';
import { TASK_TYPE_NAMES, VISIT_STATUSES } from '../../db/reference/task-types.ts';
import { MunicipalityCode, Uuid, WINDOW_RULE, instantField } from '../http/schemas.ts';

/**
 * Inputs of the dispatch services. Routes reuse these for validation and OpenAPI; instants
 * stay strings here and are parsed by the services with `parseInstant` (ISO with an offset,
 * or Stockholm local time), so a bad or ambiguous time is refused naming its field.
 */
const ExpectedVersion = z
  .number()
  .int()
  .min(1)
  .openapi({ description: 'The visit version the change is based on (optimistic concurrency)' });

export const AssignVisitInput = z.object({
  visitId: Uuid,
  /** One caregiver, or two different ones for a two-person visit. */
  staffIds: z.array(Uuid).min(1).max(2),
  expectedVersion: ExpectedVersion,
  /** Defaults to the window start, or now when the window has opened. */
  plannedStart: instantField(
    'Within a year back and two years ahead of now, as visit windows',
  ).optional(),
});
export type AssignVisitInput = z.infer<typeof AssignVisitInput>;

export const VisitVersionInput = z.object({ visitId: Uuid, expectedVersion: ExpectedVersion });
export type VisitVersionInput = z.infer<typeof VisitVersionInput>;

export const PinVisitInput = VisitVersionInput.extend({
  /** Lock to this start as well: within the visit's window. */
  start: instantField(
    "Lock the visit to this start as well (within the visit's window); an assigned visit moves to it",
  ).optional(),
});
export type PinVisitInput = z.infer<typeof PinVisitInput>;

export const UpdateVisitStatusInput = VisitVersionInput.extend({
  status: z.enum(VISIT_STATUSES),
});
export type UpdateVisitStatusInput = z.infer<typeof UpdateVisitStatusInput>;

export const UrgentVisitInput = z.object({
  municipality: MunicipalityCode,
  patientId: Uuid,
  taskTypes: z.array(z.enum(TASK_TYPE_NAMES)).min(1).max(10),
  priority: z.enum(['urgent1', 'urgent2']),
  durationMinutes: z.number().int().min(5).max(480).default(30),
  staffCount: z.union([z.literal(1), z.literal(2)]).default(1),
  /** Explicit window; without it the response target of the priority applies from now. */
  windowStart: instantField(WINDOW_RULE).optional(),
  windowEnd: instantField(WINDOW_RULE).optional(),
  /** Overrides the default response target (priority 1: 60 min, priority 2: 240 min). */
  responseMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
  limit: z.number().int().min(1).max(50).default(5),
});
export type UrgentVisitInput = z.infer<typeof UrgentVisitInput>;
