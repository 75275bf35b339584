import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import {
  assignments,
  eventSequences,
  municipalities,
  shifts,
  staff,
  visits,
} from '../../db/schema/index.ts';
import { ZONE } from '../domain/stockholm-time.ts';
import type { SnapshotProvider } from './socket.ts';

/**
 * The service day that is on now: from local midnight to the end of the night after
 * (`nightEnds`, local). Before `nightEnds` it is still yesterday's night. DST-safe: the
 * bounds are local wall-clock times turned into UTC.
 */
export function serviceDayRange(now: Date, nightEnds = '07:30'): { start: Date; end: Date } {
  const [h, m] = nightEnds.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  const cutover = local.startOf('day').set({ hour: h, minute: m });
  const day = (local < cutover ? local.minus({ days: 1 }) : local).startOf('day');
  const end = day.plus({ days: 1 }).set({ hour: h, minute: m });
  return { start: day.toUTC().toJSDate(), end: end.toUTC().toJSDate() };
}

/**
 * The default snapshot: the municipality's visits of the current service day (with their
 * assignments) and the staff with a shift in it, plus the seq they reflect. One read-only
 * REPEATABLE READ transaction, so state and seq come from the same committed moment.
 * Patients appear by id only; names, addresses and notes stay out (PDL).
 */
export function createSnapshotProvider(
  db: Db,
  now: () => Date,
  options: { nightEnds?: string } = {},
): SnapshotProvider {
  return (code) =>
    db.transaction(
      async (tx) => {
        const [muni] = await tx
          .select({ code: municipalities.code })
          .from(municipalities)
          .where(eq(municipalities.code, code));
        if (!muni) return null;
        const [sequence] = await tx
          .select({ lastSeq: eventSequences.lastSeq })
          .from(eventSequences)
          .where(eq(eventSequences.municipalityCode, code));
        const range = serviceDayRange(now(), options.nightEnds);
        const visitRows = await tx
          .select({
            id: visits.id,
            patientId: visits.patientId,
            status: visits.status,
            priority: visits.priority,
            windowStart: visits.windowStart,
            windowEnd: visits.windowEnd,
            windowHard: visits.windowHard,
            durationMinutes: visits.durationMinutes,
            taskTypes: visits.taskTypes,
            requiredProfession: visits.requiredProfession,
            staffCount: visits.staffCount,
            pinned: visits.pinned,
            version: visits.version,
          })
          .from(visits)
          .where(
            and(
              eq(visits.municipalityCode, code),
              lt(visits.windowStart, range.end),
              gt(visits.windowEnd, range.start),
            ),
          )
          .orderBy(asc(visits.windowStart), asc(visits.id));
        const visitIds = visitRows.map((v) => v.id);
        const assignmentRows = visitIds.length
          ? await tx
              .select({
                visitId: assignments.visitId,
                staffId: assignments.staffId,
                plannedStart: assignments.plannedStart,
                routeOrder: assignments.routeOrder,
              })
              .from(assignments)
              .where(inArray(assignments.visitId, visitIds))
              .orderBy(asc(assignments.staffId), asc(assignments.routeOrder))
          : [];
        const shiftRows = await tx
          .select({
            shiftId: shifts.id,
            kind: shifts.kind,
            startsAt: shifts.startsAt,
            endsAt: shifts.endsAt,
            staffId: staff.id,
            name: staff.name,
            profession: staff.profession,
            teamId: staff.teamId,
            travelMode: staff.travelMode,
          })
          .from(shifts)
          .innerJoin(staff, eq(staff.id, shifts.staffId))
          .where(
            and(
              eq(shifts.municipalityCode, code),
              lt(shifts.startsAt, range.end),
              gt(shifts.endsAt, range.start),
            ),
          )
          .orderBy(asc(shifts.startsAt), asc(staff.id));
        const byVisit = new Map<string, Omit<(typeof assignmentRows)[number], 'visitId'>[]>();
        for (const { visitId, ...a } of assignmentRows)
          byVisit.set(visitId, [...(byVisit.get(visitId) ?? []), a]);
        return {
          seq: sequence ? Number(sequence.lastSeq) : 0,
          state: {
            serviceDay: { start: range.start.toISOString(), end: range.end.toISOString() },
            visits: visitRows.map((v) => ({
              ...v,
              assignments: byVisit.get(v.id) ?? [],
            })),
            shifts: shiftRows,
          },
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
}
