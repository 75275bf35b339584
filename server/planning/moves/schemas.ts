import { z } from '@hono/zod-openapi';
import { PROFESSIONS } from '../../../db/reference/professions.ts';
import { Uuid, instantField } from '../../http/schemas.ts';
import { JobSchema } from '../jobs/schemas.ts';
import type { PricedMove } from './price-move.ts';

export const MoveBody = z
  .object({
    visitId: Uuid.openapi({ description: 'An open visit of the proposal (placed or left out)' }),
    staffId: Uuid.openapi({ description: 'The caregiver it moves to (on shift that day)' }),
    start: instantField(
      "Where in the caregiver's route, as a start; the solver times the route from it. Default: the visit's planned start (or its window's)",
    ).optional(),
    fromStaffId: Uuid.optional().openapi({
      description: 'Of a two-person visit: the caregiver whose half moves',
    }),
  })
  .strict()
  .openapi('PlanningMove');

export const MoveDeltaSchema = z
  .object({
    total: z.number().openapi({ description: "The plan's cost after less before (solver units)" }),
    travel: z.number(),
    lateness: z.number().openapi({ description: 'Lateness, the largest lateness and overtime' }),
    continuity: z.number().openapi({
      description: 'Visits not by the contact, distinct caregivers per patient, known caregivers',
    }),
    other: z.number().openapi({ description: 'Fixed cost of used caregivers, visits left out' }),
    travelSeconds: z.number().int(),
    latenessSeconds: z.number().int(),
    overtimeSeconds: z.number().int(),
    distinctCaregivers: z.number().int(),
  })
  .openapi('PlanningMoveDelta');

export const MovePreviewSchema = z
  .object({
    moved: z.object({
      visitId: z.string(),
      staffIds: z.array(z.string()),
      start: z.string().openapi({ description: 'Its start as the solver times the route, UTC' }),
    }),
    delta: MoveDeltaSchema,
    brokenRules: z.array(z.string()).openapi({
      description:
        "Time rules the plan breaks after the move and not before (a hard window, a break, the shift end), in the validator's words",
    }),
  })
  .openapi('PlanningMovePreview');

export const MoveAppliedSchema = z
  .object({ job: JobSchema, move: MovePreviewSchema })
  .openapi('PlanningMoveApplied');

export const moveView = (m: PricedMove): z.infer<typeof MovePreviewSchema> => ({
  moved: m.moved,
  delta: m.delta,
  brokenRules: m.brokenRules,
});

export const ProposalRoutesSchema = z
  .object({
    shifts: z.array(
      z.object({
        shiftId: z.string(),
        staffId: z.string(),
        profession: z.enum(PROFESSIONS),
        startsAt: z.string(),
        endsAt: z.string(),
      }),
    ),
    routes: z.array(
      z.object({
        staffId: z.string(),
        legs: z.array(z.object({ toVisitId: z.string(), travelMinutes: z.number().int() })),
        breaks: z.array(z.object({ start: z.string(), minutes: z.number().int() })),
      }),
    ),
  })
  .openapi('PlanningProposalRoutes');
