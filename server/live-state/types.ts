import type { Profession, TravelMode } from '../../db/reference/professions.ts';
import type { TaskType, VisitPriority, VisitStatus } from '../../db/reference/task-types.ts';
import type { DelegationRow } from '../domain/competence.ts';
import type { LatLon } from '../solver-bridge/travel.ts';

/**
 * A caregiver of a visit. No route order: the database renumbers a caregiver's route on every
 * assignment without an event for the other visits, and the order is by planned start anyway.
 */
export interface LiveAssignee {
  staffId: string;
  plannedStart: Date;
}

/** A visit as the live state keeps it: the bridge's VisitRow plus status and version. */
export interface LiveVisit {
  id: string;
  municipalityCode: string;
  patientId: string;
  windowStart: Date;
  windowEnd: Date;
  windowHard: boolean;
  durationMinutes: number;
  taskTypes: TaskType[];
  requiredProfession: Profession;
  staffCount: number;
  priority: VisitPriority;
  pinned: boolean;
  status: VisitStatus;
  version: number;
  assignees: LiveAssignee[];
}

export interface LiveShift {
  startsAt: Date;
  endsAt: Date;
  breakMinutes: number;
  maxWorkWithoutBreakMinutes: number;
}

export interface LiveStaffMember {
  id: string;
  name: string;
  profession: Profession;
  travelMode: TravelMode;
  /** The team's base: where a shift starts without a reported position, and ends. */
  base: LatLon;
  /** Shifts overlapping the loaded period, by start. */
  shifts: LiveShift[];
  delegations: DelegationRow[];
}

export interface LivePatient extends LatLon {
  id: string;
  contactStaffId: string | null;
  excludedStaffIds: string[];
  /** Caregivers who made a visit in the last KNOWN_DAYS days (server/day/service-day.ts). */
  knownStaffIds: Set<string>;
}

export interface LivePosition extends LatLon {
  at: Date;
}
