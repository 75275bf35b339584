import type { TravelMode } from '../../../db/reference/professions.ts';
import type { LatLon } from '../../solver-bridge/travel.ts';

/** One visit of the day being compared (both plans share the same visits). */
export interface PlanVisit {
  id: string;
  patientId: string;
  /** Earliest and latest start. */
  windowStart: Date;
  windowEnd: Date;
  durationMinutes: number;
}

/** One caregiver of a plan: a visit has as many as its staff count. */
export interface PlanAssignment {
  visitId: string;
  staffId: string;
  plannedStart: Date;
}

export interface PlanShift {
  staffId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface PlanCaregiver {
  staffId: string;
  /** Where their routes start and end (their team's base). */
  base: LatLon;
  travelMode: TravelMode;
}

export interface PlanPatient {
  id: string;
  place: LatLon;
  contactStaffId: string | null;
}

/** Travel seconds from one place to another, as the planner estimates them. */
export type TravelSeconds = (from: LatLon, to: LatLon, mode: TravelMode) => number;

/** Everything one plan of one day is measured from. */
export interface PlanInput {
  visits: readonly PlanVisit[];
  assignments: readonly PlanAssignment[];
  caregivers: readonly PlanCaregiver[];
  shifts: readonly PlanShift[];
  patients: readonly PlanPatient[];
  /** Who visited whom in the 14 days before (distinct pairs). */
  history: readonly { patientId: string; staffId: string }[];
  travel: TravelSeconds;
}
