import { and, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  assignments,
  bases,
  delegations,
  eventSequences,
  municipalities,
  patientExclusions,
  patients,
  shifts,
  staff,
  teams,
  visits,
} from '../../db/schema/index.ts';
import { MunicipalityState } from './municipality-state.ts';
import type { LiveAssignee, LivePatient, LiveStaffMember, LiveVisit } from './types.ts';

/** The period kept in memory around the load time: yesterday's night to tomorrow's. */
export const LOADED_BEFORE_MS = 24 * 3600_000;
export const LOADED_AFTER_MS = 48 * 3600_000;
/** A caregiver who made a visit this recently counts as known to the patient. */
export const KNOWN_DAYS = 14;

/**
 * Reads a municipality's live state in one read-only REPEATABLE READ transaction, so the
 * rows and the event seq come from the same committed moment: events after `seq` apply on
 * top of it exactly. Null for a municipality that does not exist.
 */
export function loadMunicipalityState(
  db: Db,
  code: string,
  now: Date,
): Promise<MunicipalityState | null> {
  const from = new Date(now.getTime() - LOADED_BEFORE_MS);
  const until = new Date(now.getTime() + LOADED_AFTER_MS);
  const knownSince = new Date(now.getTime() - KNOWN_DAYS * 86_400_000);
  return db.transaction(
    async (tx) => {
      const [sequence] = await tx
        .select({ lastSeq: eventSequences.lastSeq })
        .from(eventSequences)
        .where(eq(eventSequences.municipalityCode, code));
      const staffRows = await tx
        .select({
          id: staff.id,
          name: staff.name,
          profession: staff.profession,
          travelMode: staff.travelMode,
          lat: bases.lat,
          lon: bases.lon,
        })
        .from(staff)
        .innerJoin(teams, eq(teams.id, staff.teamId))
        .innerJoin(bases, eq(bases.id, teams.baseId))
        .where(and(eq(staff.municipalityCode, code), eq(staff.active, true)));
      if (!sequence && staffRows.length === 0) {
        const exists = await tx
          .select({ code: municipalities.code })
          .from(municipalities)
          .where(eq(municipalities.code, code));
        if (!exists.length) return null;
      }
      const staffIds = staffRows.map((s) => s.id);
      const [shiftRows, delegationRows, patientRows, exclusionRows, visitRows, knownRows] =
        await Promise.all([
          tx
            .select()
            .from(shifts)
            .where(
              and(
                eq(shifts.municipalityCode, code),
                gt(shifts.endsAt, from),
                lt(shifts.startsAt, until),
              ),
            )
            .orderBy(shifts.startsAt),
          staffIds.length
            ? tx.select().from(delegations).where(inArray(delegations.staffId, staffIds))
            : Promise.resolve([]),
          tx
            .select({
              id: patients.id,
              lat: patients.lat,
              lon: patients.lon,
              contactStaffId: patients.contactStaffId,
            })
            .from(patients)
            .where(eq(patients.municipalityCode, code)),
          tx
            .select({ patientId: patientExclusions.patientId, staffId: patientExclusions.staffId })
            .from(patientExclusions)
            .innerJoin(patients, eq(patients.id, patientExclusions.patientId))
            .where(eq(patients.municipalityCode, code)),
          tx
            .select()
            .from(visits)
            .where(
              and(
                eq(visits.municipalityCode, code),
                gt(visits.windowEnd, from),
                lt(visits.windowStart, until),
              ),
            ),
          tx
            .selectDistinct({ patientId: visits.patientId, staffId: assignments.staffId })
            .from(assignments)
            .innerJoin(visits, eq(visits.id, assignments.visitId))
            .where(
              and(
                eq(visits.municipalityCode, code),
                inArray(visits.status, ['done', 'in_progress']),
                gte(visits.windowStart, knownSince),
              ),
            ),
        ]);
      const visitIds = visitRows.map((v) => v.id);
      const assignmentRows = visitIds.length
        ? await tx
            .select({
              visitId: assignments.visitId,
              staffId: assignments.staffId,
              plannedStart: assignments.plannedStart,
            })
            .from(assignments)
            .innerJoin(visits, eq(visits.id, assignments.visitId))
            .where(
              and(
                eq(visits.municipalityCode, code),
                gt(visits.windowEnd, from),
                lt(visits.windowStart, until),
              ),
            )
        : [];

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
      for (const s of shiftRows) {
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
      return new MunicipalityState(
        code,
        sequence ? Number(sequence.lastSeq) : 0,
        now,
        staffMap,
        patientMap,
        visitMap,
      );
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
