import type { Db } from '../../db/client.ts';
import type { TravelMode } from '../../db/reference/professions.ts';
import { readAssignments, readPatientPlaces, readShifts, readVisits } from '../day/read-day.ts';
import type { DayRange } from '../day/service-day.ts';
import { type LatLon, type TravelSource, estimateTravel } from '../solver-bridge/travel.ts';
import { type DayStop, placeBreaks } from './place-breaks.ts';

const DEFAULT_TRAVEL = estimateTravel();

export interface DayLeg {
  /** The visit before; null: from the team's base at the start of the shift. */
  fromVisitId: string | null;
  toVisitId: string;
  travelMinutes: number;
}

export interface DayRoute {
  staffId: string;
  legs: DayLeg[];
  breaks: { start: Date; minutes: number }[];
}

/**
 * One Stockholm day of a municipality as the timeline draws it: the shifts overlapping it,
 * the visits in it (patients by nothing: no id, no place) with their caregivers, and each
 * caregiver's route: the travel before each of their visits in planned order (the server's
 * travel estimate, as suggestions use) and their breaks (see placeBreaks). One read-only
 * transaction, so routes and visits agree.
 */
export async function readDayRoutes(
  db: Db,
  code: string,
  range: DayRange,
  travel: TravelSource = DEFAULT_TRAVEL,
) {
  return db.transaction(
    async (tx) => {
      const shiftRows = await readShifts(tx, code, range, { activeOnly: false });
      // Routes over whole shifts: a night shift's visit before midnight leads to the one after.
      const span = {
        start: new Date(
          Math.min(range.start.getTime(), ...shiftRows.map((r) => +r.shift.startsAt)),
        ),
        end: new Date(Math.max(range.end.getTime(), ...shiftRows.map((r) => +r.shift.endsAt))),
      };
      const spanVisits = await readVisits(tx, code, span);
      const spanAssignments = spanVisits.length ? await readAssignments(tx, code, span) : [];
      const inDay = (v: { windowStart: Date; windowEnd: Date }) =>
        v.windowEnd > range.start && v.windowStart < range.end;
      const visitRows = spanVisits.filter(inDay);
      const dayIds = new Set(visitRows.map((v) => v.id));
      const assignmentRows = spanAssignments.filter((a) => dayIds.has(a.visitId));
      const places = new Map<string, LatLon>(
        (
          await readPatientPlaces(tx, {
            patientIds: [...new Set(spanVisits.map((v) => v.patientId))],
          })
        ).map((p) => [p.id, p]),
      );
      const visitById = new Map(spanVisits.map((v) => [v.id, v]));
      const byStaff = new Map<string, { visitId: string; plannedStart: Date }[]>();
      for (const a of spanAssignments) {
        const v = visitById.get(a.visitId);
        if (!v || v.status === 'cancelled') continue;
        byStaff.set(a.staffId, [...(byStaff.get(a.staffId) ?? []), a]);
      }
      const shiftsOf = new Map<string, typeof shiftRows>();
      for (const row of shiftRows)
        shiftsOf.set(row.staff.id, [...(shiftsOf.get(row.staff.id) ?? []), row]);

      const routes: DayRoute[] = [];
      for (const [staffId, rows] of shiftsOf) {
        const { staff, base } = rows[0]!;
        const mine = (byStaff.get(staffId) ?? []).sort(
          (a, b) => a.plannedStart.getTime() - b.plannedStart.getTime(),
        );
        const shiftOf = (at: Date) =>
          rows.find((r) => r.shift.startsAt <= at && at < r.shift.endsAt)?.shift.id ?? null;
        const legs: DayLeg[] = [];
        const stops: (DayStop & { shiftId: string | null })[] = [];
        mine.forEach((a, i) => {
          const v = visitById.get(a.visitId)!;
          const prev = i > 0 ? mine[i - 1]! : null;
          // A new shift (or none) starts from the base; within a shift, from the visit before.
          const same =
            prev !== null &&
            shiftOf(a.plannedStart) !== null &&
            shiftOf(prev.plannedStart) === shiftOf(a.plannedStart);
          const from = same ? places.get(visitById.get(prev.visitId)!.patientId) : base;
          const to = places.get(v.patientId);
          const seconds = from && to ? tripSeconds(travel, from, to, staff.travelMode) : 0;
          const travelMinutes = Math.ceil(seconds / 60);
          legs.push({ fromVisitId: same ? prev.visitId : null, toVisitId: v.id, travelMinutes });
          stops.push({
            shiftId: shiftOf(a.plannedStart),
            start: a.plannedStart.getTime(),
            durationMs: v.durationMinutes * 60_000,
            travelMs: travelMinutes * 60_000,
          });
        });
        const breaks = rows.flatMap(({ shift }) =>
          placeBreaks(
            {
              startsAt: shift.startsAt.getTime(),
              endsAt: shift.endsAt.getTime(),
              breakMinutes: shift.breakMinutes,
              maxWorkWithoutBreakMinutes: shift.maxWorkWithoutBreakMinutes,
            },
            stops.filter((s) => s.shiftId === shift.id),
          ).map((b) => ({ start: new Date(b.start), minutes: b.minutes })),
        );
        routes.push({
          staffId,
          legs: legs.filter((l) => dayIds.has(l.toVisitId)),
          breaks: breaks.filter(
            (b) => b.start < range.end && b.start.getTime() + b.minutes * 60_000 > +range.start,
          ),
        });
      }
      return { shiftRows, visitRows, assignmentRows, routes };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function tripSeconds(travel: TravelSource, from: LatLon, to: LatLon, mode: TravelMode): number {
  if (travel.trip) return travel.trip(from, to, mode).seconds;
  return travel.matrices([from, to], mode).durations[1] ?? 0;
}
