import { z } from '@hono/zod-openapi';
import { PROFESSIONS } from '../../db/reference/professions.ts';
import {
  TASK_TYPE_NAMES,
  VISIT_PRIORITIES,
  VISIT_SOURCES,
  VISIT_STATUSES,
} from '../../db/reference/task-types.ts';
import {
  LocalDate,
  MunicipalityCode,
  PaginationQuery,
  Uuid,
  WINDOW_RULE,
  instantField,
} from '../http/schemas.ts';

export const VisitSchema = z
  .object({
    id: z.string(),
    municipalityCode: z.string(),
    patientId: z.string(),
    carePlanId: z.string().nullable(),
    windowStart: z.string().openapi({ description: 'Earliest start, UTC' }),
    windowEnd: z.string().openapi({ description: 'Latest start, UTC' }),
    windowStartLocal: z.string().openapi({ description: 'Earliest start, Europe/Stockholm' }),
    windowEndLocal: z.string().openapi({ description: 'Latest start, Europe/Stockholm' }),
    windowHard: z.boolean(),
    durationMinutes: z.number().int(),
    taskTypes: z.array(z.enum(TASK_TYPE_NAMES)),
    requiredProfession: z.enum(PROFESSIONS),
    staffCount: z.number().int(),
    priority: z.enum(VISIT_PRIORITIES),
    source: z.enum(VISIT_SOURCES),
    status: z.enum(VISIT_STATUSES),
    pinned: z.boolean(),
    pinnedStart: z
      .string()
      .nullable()
      .openapi({ description: 'The start a pinned visit is locked to, UTC; null: none' }),
    version: z.number().int(),
  })
  .openapi('Visit');

const StatusList = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim());
    for (const p of parts) {
      if (!(VISIT_STATUSES as readonly string[]).includes(p)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown status '${p}'; one of ${VISIT_STATUSES.join(', ')}`,
        });
        return z.NEVER;
      }
    }
    return parts as (typeof VISIT_STATUSES)[number][];
  })
  .openapi({
    type: 'string',
    example: 'unassigned,assigned',
    description: 'One status or a comma-separated list',
  });

export const VisitQuery = PaginationQuery.extend({
  municipality: MunicipalityCode.optional(),
  date: LocalDate.optional(),
  status: StatusList.optional(),
  patient: Uuid.optional(),
});

export const CreateVisitBody = z
  .object({
    municipality: MunicipalityCode,
    patientId: Uuid,
    windowStart: instantField(WINDOW_RULE),
    windowEnd: instantField(WINDOW_RULE),
    windowHard: z.boolean().default(false),
    durationMinutes: z.number().int().min(5).max(480),
    taskTypes: z.array(z.enum(TASK_TYPE_NAMES)).min(1).max(10),
    staffCount: z.union([z.literal(1), z.literal(2)]).default(1),
    priority: z.enum(VISIT_PRIORITIES).default('planned'),
    source: z.enum(['single', 'urgent_call', 'discharge']).default('single'),
  })
  .strict()
  .openapi('CreateVisit');
export type CreateVisitBody = z.infer<typeof CreateVisitBody>;
