import { z } from '@hono/zod-openapi';
import { pageOf } from '../http/schemas.ts';
import { VisitSchema } from './schemas.ts';

/** A visit with its caregivers, as dispatch answers and events carry it. */
export const VisitStateSchema = VisitSchema.extend({
  assignees: z.array(
    z.object({
      staffId: z.string(),
      plannedStart: z.string(),
      plannedStartLocal: z.string(),
      routeOrder: z.number().int(),
    }),
  ),
}).openapi('VisitState');

/** A list of visits with their caregivers: a caregiver's phone orders its route by planned start. */
export const VisitPage = pageOf(VisitStateSchema, 'VisitPage');

export const ConflictSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'conflict' }),
      message: z.string(),
      details: z.array(z.object({ field: z.string().optional(), message: z.string() })),
    }),
    current: VisitStateSchema.optional().openapi({
      description: 'On a stale expectedVersion: the visit as it is now, to refresh and redo',
    }),
  })
  .openapi('Conflict');

export const conflictResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ConflictSchema } },
});
