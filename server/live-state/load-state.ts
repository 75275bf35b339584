import type { Db } from '../../db/client.ts';
import {
  municipalityExists,
  readAssignments,
  readDelegations,
  readExclusions,
  readKnown,
  readPatientPlaces,
  readSeq,
  readShifts,
  readStaff,
  readVisits,
} from '../day/read-day.ts';
import { knownSince, liveWindow } from '../day/service-day.ts';
import { MunicipalityState } from './municipality-state.ts';
import type { LiveAssignee, LivePatient, LiveStaffMember, LiveVisit } from './types.ts';

/**
 * Reads a municipality's live state (the rows of liveWindow(now)) in one read-only
 * REPEATABLE READ transaction, so the rows and the event seq come from the same committed
 * moment: events after `seq` apply on top of it exactly. Null for a municipality that does
 * not exist.
 */
export function loadMunicipalityState(
  db: Db,
  code: string,
  now: Date,
): Promise<MunicipalityState | null> {
  const range = liveWindow(now);
  const scope = { municipality: code };
  return db.transaction(
    async (tx) => {
      const seq = await readSeq(tx, code);
      const staffRows = await readStaff(tx, code);
      if (seq === 0 && staffRows.length === 0 && !(await municipalityExists(tx, code))) return null;
      const staffIds = staffRows.map((s) => s.id);
      const [shiftRows, delegationRows, patientRows, exclusionRows, visitRows, knownRows] =
        await Promise.all([
          readShifts(tx, code, range, { activeOnly: true }),
          readDelegations(tx, staffIds),
          readPatientPlaces(tx, scope),
          readExclusions(tx, scope),
          readVisits(tx, code, range),
          readKnown(tx, scope, knownSince(now), { withPlanned: false }),
        ]);
      const assignmentRows = visitRows.length ? await readAssignments(tx, code, range) : [];

      const staffMap = new Map<string, LiveStaffMember>();
      for (const s of staffRows) {
        staffMap.set(s.id, {
          id: s.id,
          name: s.name,
          profession: s.profession,
          travelMode: s.travelMode,
          base: { lat: s.lat, lon: s.lon },
          shifts: [],
          delegations: [],
        });
      }
      for (const { shift: s } of shiftRows) {
        staffMap.get(s.staffId)?.shifts.push({
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          breakMinutes: s.breakMinutes,
          maxWorkWithoutBreakMinutes: s.maxWorkWithoutBreakMinutes,
        });
      }
      for (const d of delegationRows) staffMap.get(d.staffId)?.delegations.push(d);

      const patientMap = new Map<string, LivePatient>();
      for (const p of patientRows) {
        patientMap.set(p.id, { ...p, excludedStaffIds: [], knownStaffIds: new Set() });
      }
      for (const e of exclusionRows) patientMap.get(e.patientId)?.excludedStaffIds.push(e.staffId);
      for (const k of knownRows) patientMap.get(k.patientId)?.knownStaffIds.add(k.staffId);

      const byVisit = new Map<string, LiveAssignee[]>();
      for (const a of assignmentRows) {
        const list = byVisit.get(a.visitId) ?? [];
        list.push({ staffId: a.staffId, plannedStart: a.plannedStart });
        byVisit.set(a.visitId, list);
      }
      const visitMap = new Map<string, LiveVisit>();
      for (const v of visitRows) {
        const assignees = (byVisit.get(v.id) ?? []).sort((a, b) =>
          a.staffId.localeCompare(b.staffId),
        );
        visitMap.set(v.id, {
          id: v.id,
          municipalityCode: v.municipalityCode,
          patientId: v.patientId,
          windowStart: v.windowStart,
          windowEnd: v.windowEnd,
          windowHard: v.windowHard,
          durationMinutes: v.durationMinutes,
          taskTypes: v.taskTypes,
          requiredProfession: v.requiredProfession,
          staffCount: v.staffCount,
          priority: v.priority,
          pinned: v.pinned,
          status: v.status,
          version: v.version,
          assignees,
        });
      }
      return new MunicipalityState(code, seq, now, staffMap, patientMap, visitMap);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
