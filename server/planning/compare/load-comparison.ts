import type { Tx } from '../../events/append-events.ts';
import {
  readAssignments,
  readKnown,
  readPatientPlaces,
  readShifts,
  readStaff,
  readTeamPatientIds,
  readVisits,
} from '../../day/read-day.ts';
import { knownSince } from '../../day/service-day.ts';
import { estimateTravel } from '../../solver-bridge/travel.ts';
import type { TravelProvider } from '../../travel/travel-provider.ts';
import { serviceDayOf } from '../demo-day.ts';
import type { JobRow } from '../jobs/queue.ts';
import type { JobResult, UnplacedReason } from '../jobs/types.ts';
import type { PlanAssignment, PlanCaregiver, PlanInput } from './plan-input.ts';
import { type PlanMetrics, planMetrics } from './plan-metrics.ts';

export interface UnplacedVisit {
  visitId: string;
  reason: UnplacedReason;
  windowStart: string;
  windowEnd: string;
  durationMinutes: number;
  requiredProfession: string;
  staffCount: number;
}

export interface Comparison {
  jobId: string;
  municipality: string;
  serviceDate: string;
  teamId: string | null;
  current: PlanMetrics;
  proposed: PlanMetrics;
  unplaced: UnplacedVisit[];
}

/**
 * The day as it is now against a done job's plan, over the same visits: those of the job's
 * service day (its team's patients for a team job), not cancelled. The proposed plan is what
 * publishing would make: every visit the job placed or left out gets the job's answer, the
 * others (fixed, started, done) keep their caregivers. Both are measured with the built-in
 * travel estimate (the configured one, or the road network's fallback parameters), so the
 * two plans are priced alike even when the planner had road times.
 */
export async function loadComparison(
  db: Tx,
  travel: TravelProvider | null,
  job: JobRow,
): Promise<Comparison> {
  const result = job.result as JobResult;
  const range = serviceDayOf(job.serviceDate);
  const dayRange = { start: range.from, end: range.to };
  let visits = (await readVisits(db, job.municipalityCode, dayRange)).filter(
    (v) => v.status !== 'cancelled' && v.windowStart >= range.from && v.windowStart < range.to,
  );
  if (job.teamId) {
    const ours = await readTeamPatientIds(db, job.teamId, [
      ...new Set(visits.map((v) => v.patientId)),
    ]);
    visits = visits.filter((v) => ours.has(v.patientId));
  }
  const ids = new Set(visits.map((v) => v.id));
  const current: PlanAssignment[] = (
    await readAssignments(db, job.municipalityCode, dayRange)
  ).filter((a) => ids.has(a.visitId));
  const decided = new Set([
    ...result.assignments.map((a) => a.visitId),
    ...result.unplaced.map((u) => u.visitId),
  ]);
  const proposed: PlanAssignment[] = [
    ...current.filter((a) => !decided.has(a.visitId)),
    ...result.assignments
      .filter((a) => ids.has(a.visitId))
      .flatMap((a) =>
        a.staff.map((s) => ({
          visitId: a.visitId,
          staffId: s.staffId,
          plannedStart: new Date(s.plannedStart),
        })),
      ),
  ];

  const assignedStaff = new Set([...current, ...proposed].map((a) => a.staffId));
  const shiftRows = (
    await readShifts(db, job.municipalityCode, dayRange, { activeOnly: false })
  ).filter((r) =>
    job.teamId ? r.staff.teamId === job.teamId || assignedStaff.has(r.staff.id) : true,
  );
  const caregivers = new Map<string, PlanCaregiver>();
  for (const s of await readStaff(db, job.municipalityCode))
    caregivers.set(s.id, { staffId: s.id, base: s, travelMode: s.travelMode });
  for (const r of shiftRows)
    caregivers.set(r.staff.id, {
      staffId: r.staff.id,
      base: { lat: r.base.lat, lon: r.base.lon },
      travelMode: r.staff.travelMode,
    });

  const patientIds = [...new Set(visits.map((v) => v.patientId))];
  const [places, known] = await Promise.all([
    readPatientPlaces(db, { patientIds }),
    readKnown(db, { patientIds }, knownSince(range.from), { withPlanned: false }),
  ]);
  const source = travel?.sync?.trip ? travel.sync : estimateTravel(travel?.estimate);
  const base: Omit<PlanInput, 'assignments'> = {
    visits: visits.map((v) => ({
      id: v.id,
      patientId: v.patientId,
      windowStart: v.windowStart,
      windowEnd: v.windowEnd,
      durationMinutes: v.durationMinutes,
    })),
    caregivers: [...caregivers.values()],
    shifts: shiftRows.map((r) => ({
      staffId: r.staff.id,
      startsAt: r.shift.startsAt,
      endsAt: r.shift.endsAt,
    })),
    patients: places.map((p) => ({
      id: p.id,
      place: { lat: p.lat, lon: p.lon },
      contactStaffId: p.contactStaffId,
    })),
    // Visits made from 14 days before the day (any of the day's own made count in both plans).
    history: known,
    travel: (from, to, mode) => source.trip!(from, to, mode).seconds,
  };

  const byId = new Map(visits.map((v) => [v.id, v]));
  return {
    jobId: job.id,
    municipality: job.municipalityCode,
    serviceDate: job.serviceDate,
    teamId: job.teamId,
    current: planMetrics({ ...base, assignments: current }),
    proposed: planMetrics({ ...base, assignments: proposed }),
    unplaced: result.unplaced.flatMap((u) => {
      const v = byId.get(u.visitId);
      if (!v) return []; // cancelled since the plan was made
      return [
        {
          visitId: u.visitId,
          reason: u.reason,
          windowStart: v.windowStart.toISOString(),
          windowEnd: v.windowEnd.toISOString(),
          durationMinutes: v.durationMinutes,
          requiredProfession: v.requiredProfession,
          staffCount: v.staffCount,
        },
      ];
    }),
  };
}
