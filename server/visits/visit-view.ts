import type { visits } from '../../db/schema/index.ts';
import { toLocalIso } from '../domain/stockholm-time.ts';

type VisitRow = typeof visits.$inferSelect;

/** The API's view of a visit: UTC for machines, Stockholm time beside it for people. */
export function visitView(v: VisitRow) {
  return {
    id: v.id,
    municipalityCode: v.municipalityCode,
    patientId: v.patientId,
    carePlanId: v.carePlanId,
    windowStart: v.windowStart.toISOString(),
    windowEnd: v.windowEnd.toISOString(),
    windowStartLocal: toLocalIso(v.windowStart),
    windowEndLocal: toLocalIso(v.windowEnd),
    windowHard: v.windowHard,
    durationMinutes: v.durationMinutes,
    taskTypes: v.taskTypes,
    requiredProfession: v.requiredProfession,
    staffCount: v.staffCount,
    priority: v.priority,
    source: v.source,
    status: v.status,
    pinned: v.pinned,
    pinnedStart: v.pinnedStart?.toISOString() ?? null,
    version: v.version,
  };
}
export type VisitView = ReturnType<typeof visitView>;
