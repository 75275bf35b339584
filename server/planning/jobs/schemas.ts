import { z } from '@hono/zod-openapi';
import { planningProgressPayload } from '../../live/protocol.ts';
import { LocalDate, MunicipalityCode, Uuid } from '../../http/schemas.ts';
import type { JobRow } from './queue.ts';
import type { JobProgress, JobResult } from './types.ts';

/** Seconds a job may solve when none is asked for, and the most it may ask. */
export const DEFAULT_BUDGET_SECONDS = 30;
export const MAX_BUDGET_SECONDS = 600;

export const DayParams = z.object({
  municipality: MunicipalityCode.openapi({ param: { name: 'municipality', in: 'path' } }),
  date: LocalDate.openapi({ param: { name: 'date', in: 'path' } }),
});

export const JobIdParam = z.object({
  id: Uuid.openapi({
    param: { name: 'id', in: 'path' },
    example: '00000000-0000-4000-8000-000000000000',
  }),
});

export const CreateJobBody = z
  .object({
    team: Uuid.optional().openapi({
      description: 'Plan only this team: its caregivers, and the patients whose contact is in it',
    }),
    budgetSeconds: z
      .number()
      .int()
      .min(1)
      .max(MAX_BUDGET_SECONDS)
      .default(DEFAULT_BUDGET_SECONDS)
      .openapi({ description: 'How long the solver may search, in seconds', example: 30 }),
  })
  .strict()
  .openapi('CreatePlanningJob');

export const JobProgressSchema = planningProgressPayload.shape.progress;

const UNPLACED_REASONS = [
  'no_qualified_caregiver',
  'excluded_all',
  'time_window',
  'capacity',
  'sync_partner',
  'not_worth_it',
  'no_staff_on_shift',
] as const;

export const JobResultSchema = z
  .object({
    assignments: z.array(
      z.object({
        visitId: z.string(),
        version: z.number().int().openapi({ description: 'The visit version planned from' }),
        staff: z.array(
          z.object({
            staffId: z.string(),
            plannedStart: z.string(),
            routeOrder: z.number().int(),
            travelSeconds: z.number().int().optional().openapi({
              description:
                "Travel to the visit from the caregiver's previous stop (or start), as planned; absent on older jobs",
            }),
          }),
        ),
      }),
    ),
    unplaced: z.array(z.object({ visitId: z.string(), reason: z.enum(UNPLACED_REASONS) })),
    summary: z.object({
      visits: z.number().int(),
      placed: z.number().int(),
      unplaced: z.number().int(),
      shifts: z.number().int(),
      fixed: z.number().int(),
      replanned: z.number().int().openapi({
        description: 'Of visits, those already assigned that the plan may move',
      }),
      travelSeconds: z.number().int(),
      cost: z.number().nullable(),
      solveMs: z.number().int(),
    }),
    notes: z.array(z.string()),
    quality: z
      .object({
        breaksHardRules: z.boolean().openapi({
          description: 'The independent validator found a broken hard rule in the plan',
        }),
        violations: z.array(z.string()).openapi({ description: "The validator's first findings" }),
        foundByRepair: z.boolean().openapi({
          description:
            'The search never held a plan breaking no hard rule; the final repair made this one by leaving visits out',
        }),
        firstFeasibleMs: z.number().int().nullable().openapi({
          description: 'When the search first held a plan breaking no hard rule; null: never',
        }),
      })
      .optional()
      .openapi({ description: 'How far to trust the plan; absent when nothing was solved' }),
  })
  .openapi('PlanningJobResult');

export const JobSchema = z
  .object({
    id: z.string(),
    municipality: z.string(),
    serviceDate: z.string(),
    teamId: z.string().nullable(),
    status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    requestedBy: z.string().nullable(),
    budgetSeconds: z.number().int(),
    attempts: z.number().int(),
    progress: JobProgressSchema,
    result: JobResultSchema.nullable(),
    error: z.string().nullable(),
    fingerprint: z
      .string()
      .nullable()
      .openapi({ description: 'A hash of the day as it was planned from' }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    heartbeatAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .openapi('PlanningJob');
export type JobView = z.infer<typeof JobSchema>;

export const PublishResultSchema = z
  .object({
    job: JobSchema,
    assigned: z.number().int().openapi({ description: 'Visits that got their caregivers' }),
  })
  .openapi('PlanningPublished');

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function jobView(row: JobRow): JobView {
  return {
    id: row.id,
    municipality: row.municipalityCode,
    serviceDate: row.serviceDate,
    teamId: row.teamId,
    status: row.status,
    requestedBy: row.requestedByUsername,
    budgetSeconds: row.budgetSeconds,
    attempts: row.attempts,
    progress: (row.progress as JobProgress | null) ?? null,
    result: (row.result as JobResult | null) ?? null,
    error: row.error,
    fingerprint: row.fingerprint,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    heartbeatAt: iso(row.heartbeatAt),
    publishedAt: iso(row.publishedAt),
  };
}
