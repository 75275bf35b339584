import { z } from 'zod';
import { PROFESSIONS } from '../../db/reference/professions.ts';
import {
  TASK_TYPE_NAMES,
  VISIT_PRIORITIES,
  VISIT_STATUSES,
} from '../../db/reference/task-types.ts';
import type { LiveVisit } from './types.ts';

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** The `visit` every visit.* event carries (server/visits/visit-state.ts visitState). */
const visitPayload = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  patientId: z.string(),
  windowStart: isoDate,
  windowEnd: isoDate,
  windowHard: z.boolean(),
  durationMinutes: z.number().int(),
  taskTypes: z.array(z.enum(TASK_TYPE_NAMES)),
  requiredProfession: z.enum(PROFESSIONS),
  staffCount: z.number().int(),
  priority: z.enum(VISIT_PRIORITIES),
  pinned: z.boolean(),
  status: z.enum(VISIT_STATUSES),
  version: z.number().int(),
  // visit.created from POST /api/visits carries the plain view, without assignees.
  assignees: z.array(z.object({ staffId: z.string(), plannedStart: isoDate })).default([]),
});

export const visitEventPayload = z.object({ visit: visitPayload });

export const staffSickPayload = z.object({ staffId: z.string(), at: isoDate });

export const staffPositionPayload = z.object({
  staffId: z.string(),
  lat: z.number(),
  lon: z.number(),
  at: isoDate,
});

export const lateRiskPayload = z.object({ visitId: z.string(), version: z.number().int() });

export function parseVisitEvent(payload: unknown): LiveVisit | null {
  const r = visitEventPayload.safeParse(payload);
  return r.success ? r.data.visit : null;
}
