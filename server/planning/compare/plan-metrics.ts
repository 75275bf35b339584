import type { PlanInput } from './plan-input.ts';
import { shiftRoutes } from './shift-routes.ts';
import { type Spread, coefficientOfVariation, median, round2, spreadOf } from './stats.ts';

/** What the comparison shows of one plan of a day; minutes are whole, shares 0..1. */
export interface PlanMetrics {
  visits: number;
  /** Visits with a caregiver. */
  assigned: number;
  unassigned: number;
  travelMinutes: number;
  /** Visit time plus travel time of every caregiver. */
  workingMinutes: number;
  /** Travel over working time; null when nobody works. */
  travelShare: number | null;
  /**
   * Distinct caregivers per patient visited in the plan: over the day, and over the day
   * together with the 14 days before it.
   */
  caregiversPerPatient: { patients: number; day: Spread; withHistory: Spread };
  /** Of the assigned visits of patients who have a contact caregiver, those the contact makes. */
  contactShare: number | null;
  contactVisits: number;
  visitsWithContact: number;
  /** Arrivals at the door: distinct assigned visits (a two-person visit is one arrival). */
  arrivals: { total: number; perPatient: Spread };
  /** Starts after the window's latest start: minutes summed over visits, and how many. */
  lateness: { totalMinutes: number; lateVisits: number };
  /** Work past the shift's end, back at the base included. */
  overtime: { totalMinutes: number; caregivers: number };
  /** Working minutes per caregiver on shift (idle ones count as 0). */
  workload: {
    caregivers: number;
    minMinutes: number;
    medianMinutes: number;
    maxMinutes: number;
    /** Standard deviation over mean; null when nobody works. */
    variation: number | null;
  };
}

/** The figures of one plan (see PlanMetrics). Pure: the same input, the same figures. */
export function planMetrics(input: PlanInput): PlanMetrics {
  const staffOf = new Map<string, { staffId: string; plannedStart: Date }[]>();
  for (const a of input.assignments) staffOf.set(a.visitId, [...(staffOf.get(a.visitId) ?? []), a]);
  const assigned = input.visits.filter((v) => staffOf.has(v.id));

  const routes = shiftRoutes(input);
  const travel = routes.reduce((t, r) => t + r.travelSeconds, 0);
  const working = routes.reduce((t, r) => t + r.travelSeconds + r.visitSeconds, 0);
  const perStaff = new Map<string, number>();
  for (const r of routes)
    perStaff.set(
      r.staffId,
      (perStaff.get(r.staffId) ?? 0) + (r.travelSeconds + r.visitSeconds) / 60,
    );
  const overtime = new Map<string, number>();
  for (const r of routes)
    if (r.overtimeSeconds > 0)
      overtime.set(r.staffId, (overtime.get(r.staffId) ?? 0) + r.overtimeSeconds);

  // Continuity and arrivals, per patient visited in this plan.
  const dayStaff = new Map<string, Set<string>>();
  const arrivals = new Map<string, number>();
  for (const v of assigned) {
    const set = dayStaff.get(v.patientId) ?? new Set<string>();
    for (const a of staffOf.get(v.id)!) set.add(a.staffId);
    dayStaff.set(v.patientId, set);
    arrivals.set(v.patientId, (arrivals.get(v.patientId) ?? 0) + 1);
  }
  const known = new Map<string, Set<string>>();
  for (const h of input.history)
    known.set(h.patientId, (known.get(h.patientId) ?? new Set()).add(h.staffId));
  const withHistory = [...dayStaff].map(
    ([p, set]) => new Set([...set, ...(known.get(p) ?? [])]).size,
  );

  const contactOf = new Map(input.patients.map((p) => [p.id, p.contactStaffId]));
  let withContact = 0;
  let byContact = 0;
  let lateMinutes = 0;
  let lateVisits = 0;
  for (const v of assigned) {
    const staff = staffOf.get(v.id)!;
    const contact = contactOf.get(v.patientId);
    if (contact) {
      withContact++;
      if (staff.some((a) => a.staffId === contact)) byContact++;
    }
    const late = Math.max(
      0,
      ...staff.map((a) => (a.plannedStart.getTime() - v.windowEnd.getTime()) / 60_000),
    );
    if (late > 0) {
      lateVisits++;
      lateMinutes += late;
    }
  }

  const load = [...perStaff.values()];
  return {
    visits: input.visits.length,
    assigned: assigned.length,
    unassigned: input.visits.length - assigned.length,
    travelMinutes: Math.round(travel / 60),
    workingMinutes: Math.round(working / 60),
    travelShare: working > 0 ? round2(travel / working) : null,
    caregiversPerPatient: {
      patients: dayStaff.size,
      day: spreadOf([...dayStaff.values()].map((s) => s.size)),
      withHistory: spreadOf(withHistory),
    },
    contactShare: withContact > 0 ? round2(byContact / withContact) : null,
    contactVisits: byContact,
    visitsWithContact: withContact,
    arrivals: { total: assigned.length, perPatient: spreadOf([...arrivals.values()]) },
    lateness: { totalMinutes: Math.round(lateMinutes), lateVisits },
    overtime: {
      totalMinutes: Math.round([...overtime.values()].reduce((a, b) => a + b, 0) / 60),
      caregivers: overtime.size,
    },
    workload: {
      caregivers: load.length,
      minMinutes: load.length ? Math.round(Math.min(...load)) : 0,
      medianMinutes: Math.round(median(load)),
      maxMinutes: load.length ? Math.round(Math.max(...load)) : 0,
      variation: coefficientOfVariation(load),
    },
  };
}
