import type { Profession, TravelMode } from '../../db/reference/professions.ts';
import type { TaskType, VisitPriority } from '../../db/reference/task-types.ts';
import type { Weights } from '../../solver/model/problem-input.ts';

export type { Weights };
import type { DelegationRow } from '../domain/competence.ts';
import type { LatLon, TravelSource } from './travel.ts';

/** Plain rows the bridge reads: whatever loads them (database, tests) fills these in. */
export interface StaffRow {
  id: string;
  profession: Profession;
  travelMode: TravelMode;
  shift: {
    startsAt: Date;
    endsAt: Date;
    breakMinutes: number;
    maxWorkWithoutBreakMinutes: number;
  };
  /** Base, or the last known position in a live plan. */
  start: LatLon;
  /** Where the shift ends: the base. */
  end: LatLon;
  /** Busy until then (a visit in progress); the plan starts no earlier. */
  availableFrom?: Date;
  delegations: DelegationRow[];
}

export interface VisitRow {
  id: string;
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
  /** Current assignees (0, 1 or 2), in the order the halves of a two-person visit take them. */
  assignees: { staffId: string; plannedStart: Date; routeOrder: number }[];
}

export interface PatientRow extends LatLon {
  id: string;
  contactStaffId: string | null;
  excludedStaffIds: string[];
  /** Caregivers who visited recently: familiarity is rewarded. */
  knownStaffIds: string[];
}

export interface BuildOptions {
  /** Every time in the problem is whole seconds after this instant; earlier times clamp to 0. */
  origin: Date;
  travel?: TravelSource;
  weights?: Partial<Weights>;
  /** Cost of leaving a visit out, per priority. */
  unassignedPenalty?: Partial<Record<VisitPriority, number>>;
  /** Priced overtime allowed past the shift end. */
  overtimeMinutes?: number;
  /** Credit when a caregiver who knows the patient makes the visit. */
  knownWeight?: number;
  /** Soft cap on distinct caregivers per patient (weights.distinctOverCap each above); 0: none. */
  maxDistinct?: number;
  /**
   * Credit for keeping a visit with its current caregiver (live repair: prefer few changes).
   * Carried as familiarity with the patient, the one per-visit credit the solver has.
   */
  keepCurrentWeight?: number;
  name?: string;
}

/** Credit when a caregiver who knows the patient makes the visit: the one place it is set. */
export const KNOWN_CAREGIVER_WEIGHT = 300;

/** Objective weights (seconds as the unit): travel 1/s, lateness 5/s, overtime 2/s. */
export const DEFAULT_WEIGHTS: Weights = {
  travelTime: 1,
  distance: 0,
  lateness: 5,
  maxLateness: 0,
  overtime: 2,
  nonContact: 600,
  distinctCaregiver: 900,
  distinctOverCap: 0,
  fixedCost: 0,
};

/** urgent1 ≫ urgent2 ≫ planned: an urgent visit is worth days of travel. */
export const DEFAULT_UNASSIGNED_PENALTY: Record<VisitPriority, number> = {
  urgent1: 50_000_000,
  urgent2: 5_000_000,
  planned: 500_000,
};
