import type { Db } from '../../db/client.ts';
import {
  municipalityExists,
  readAssignments,
  readSeq,
  readShifts,
  readVisits,
} from '../day/read-day.ts';
import { serviceDayRange } from '../day/service-day.ts';
import { readRecentPositions } from '../positions/recent-positions.ts';
import type { SnapshotProvider } from './socket.ts';

/**
 * The default snapshot: the municipality's visits of the current service day (with their
 * assignments), the staff with a shift in it and the caregivers' last known positions (so a
 * console opened now has them at once), plus the seq they reflect. One read-only
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
        if (!(await municipalityExists(tx, code))) return null;
        const seq = await readSeq(tx, code);
        const range = serviceDayRange(now(), options.nightEnds);
        const visitRows = await readVisits(tx, code, range);
        const assignmentRows = visitRows.length ? await readAssignments(tx, code, range) : [];
        const shiftRows = await readShifts(tx, code, range, { activeOnly: false });
        const positions = await readRecentPositions(tx, code, now());
        const byVisit = new Map<string, Omit<(typeof assignmentRows)[number], 'visitId'>[]>();
        for (const { visitId, ...a } of assignmentRows)
          byVisit.set(visitId, [...(byVisit.get(visitId) ?? []), a]);
        return {
          seq,
          state: {
            serviceDay: { start: range.start.toISOString(), end: range.end.toISOString() },
            visits: visitRows.map((v) => ({
              id: v.id,
              patientId: v.patientId,
              status: v.status,
              priority: v.priority,
              windowStart: v.windowStart,
              windowEnd: v.windowEnd,
              windowHard: v.windowHard,
              durationMinutes: v.durationMinutes,
              taskTypes: v.taskTypes,
              requiredProfession: v.requiredProfession,
              staffCount: v.staffCount,
              pinned: v.pinned,
              version: v.version,
              assignments: byVisit.get(v.id) ?? [],
            })),
            shifts: shiftRows.map(({ shift, staff }) => ({
              shiftId: shift.id,
              kind: shift.kind,
              startsAt: shift.startsAt,
              endsAt: shift.endsAt,
              staffId: staff.id,
              name: staff.name,
              profession: staff.profession,
              teamId: staff.teamId,
              travelMode: staff.travelMode,
            })),
            positions,
          },
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
}
