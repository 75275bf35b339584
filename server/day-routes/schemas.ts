import { z } from '@hono/zod-openapi';
import { PROFESSIONS, SHIFT_KINDS } from '../../db/reference/professions.ts';
import {
  TASK_TYPE_NAMES,
  VISIT_PRIORITIES,
  VISIT_STATUSES,
} from '../../db/reference/task-types.ts';
import { LocalDate, MunicipalityCode } from '../http/schemas.ts';

export const DayRoutesQuery = z.object({
  municipality: MunicipalityCode,
  day: LocalDate.openapi({
    description: 'Calendar day in Europe/Stockholm: yesterday, today or tomorrow',
  }),
  only: z.enum(['routes']).optional().openapi({
    description:
      'routes: shifts and visits left empty, for a client that has them from the live feed (a big day is mostly visits)',
  }),
});

const DayShift = z.object({
  shiftId: z.string(),
  kind: z.enum(SHIFT_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  staffId: z.string(),
  name: z.string(),
  profession: z.enum(PROFESSIONS),
  breakMinutes: z.number().int(),
});

const DayVisit = z.object({
  id: z.string(),
  status: z.enum(VISIT_STATUSES),
  priority: z.enum(VISIT_PRIORITIES),
  windowStart: z.string(),
  windowEnd: z.string(),
  durationMinutes: z.number().int(),
  taskTypes: z.array(z.enum(TASK_TYPE_NAMES)),
  requiredProfession: z.enum(PROFESSIONS),
  staffCount: z.number().int(),
  version: z.number().int(),
  assignments: z.array(z.object({ staffId: z.string(), plannedStart: z.string() })),
});

const DayRoute = z.object({
  staffId: z.string(),
  legs: z
    .array(
      z.object({
        fromVisitId: z.string().nullable().openapi({ description: 'null: from the base' }),
        toVisitId: z.string(),
        travelMinutes: z.number().int(),
      }),
    )
    .openapi({ description: 'The travel before each of their visits, in planned order' }),
  breaks: z.array(z.object({ start: z.string(), minutes: z.number().int() })).openapi({
    description:
      'Where their breaks fall: the solver’s break rule, each in the first free stretch of its window',
  }),
});

export const DayRoutesSchema = z
  .object({
    municipality: z.string(),
    day: z.string(),
    from: z.string().openapi({ description: 'Local midnight, UTC (a day is 23–25 hours)' }),
    to: z.string(),
    shifts: z.array(DayShift),
    visits: z.array(DayVisit),
    routes: z.array(DayRoute),
  })
  .openapi('DayRoutes');
