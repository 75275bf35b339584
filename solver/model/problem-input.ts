/**
 * The plain, serialisable description of one routing problem: what callers (the server
 * bridge, benchmark readers, tests) hand to the solver. Everything is an integer in the
 * caller's unit (seconds for the product; scaled instance units for benchmarks, see
 * `scale`). The solver validates it once and builds its own immutable typed arrays.
 *
 * Indices, not ids, link the parts: `location` indexes the matrices, `caregiver` indexes
 * `caregivers`, `visit` indexes `visits`, `patient` indexes `patients`, `skill` is a small
 * integer the caller maps to a profession or a delegable task.
 */
export interface ProblemInput {
  /** Human name of the instance, carried into results. */
  name: string;
  /** Divide every time, distance and cost by this to get the caller's real units (1 = none). */
  scale: number;
  /** Number of locations; every matrix is locations × locations, row-major (from, to). */
  locations: number;
  /** One travel profile per travel mode (car, bike, walk, transit …). */
  profiles: TravelProfile[];
  caregivers: CaregiverInput[];
  visits: VisitInput[];
  /** Patients, for continuity: visits point at them by index. */
  patients: PatientInput[];
  /** Pairs of visits that two different caregivers serve with a gap between their starts. */
  syncs: SyncInput[];
  weights: Weights;
}

export interface TravelProfile {
  name: string;
  /** Travel time, row-major, length locations². Integer, ≥ 0. */
  durations: ArrayLike<number>;
  /** Travel distance, row-major, length locations². Integer, ≥ 0. */
  distances: ArrayLike<number>;
}

export interface CaregiverInput {
  id: string;
  /** Index into `profiles`. */
  profile: number;
  /** Skills held for the whole shift (a profession, or tasks an RN may do). */
  skills: number[];
  /** Skills held only inside a window: a delegation valid from `from` until `to`. */
  timedSkills: { skill: number; from: number; to: number }[];
  /** Where and when the shift starts; a live plan starts at the current position and time. */
  startLocation: number;
  /** Earliest time the caregiver may leave `startLocation`. */
  shiftStart: number;
  endLocation: number;
  /** Latest arrival at `endLocation` without overtime. */
  shiftEnd: number;
  /** Hard latest arrival at `endLocation` (overtime between shiftEnd and this is priced). */
  maxShiftEnd: number;
  /** Load capacity (Solomon); Infinity-free: use a large number when unconstrained. */
  capacity: number;
  /** Cost of using this caregiver at all (hierarchical objective: vehicles first). */
  fixedCost: number;
  /** Breaks that must start inside [earliest, latest]; taken at the place of the previous visit. */
  breaks: { earliest: number; latest: number; duration: number }[];
  /** Longest stretch of work without a break (Arbetstidslagen: 5 h); 0 = no rule. */
  maxWorkWithoutBreak: number;
}

export interface VisitInput {
  id: string;
  location: number;
  /** Index into `patients`, or -1 for a plain customer (benchmarks). */
  patient: number;
  /** Earliest start, hard. */
  earliest: number;
  /** Latest start: hard when `latestHard`, otherwise lateness past it is priced. */
  latest: number;
  latestHard: boolean;
  /** Service duration; `durationByCaregiver[k]` overrides it when given (length = caregivers). */
  duration: number;
  durationByCaregiver?: number[];
  /** Every skill here is needed (a caregiver qualifies when it holds all of them over the visit). */
  skills: number[];
  demand: number;
  /** Cost of leaving the visit unplaced; mandatory visits use a very large value. */
  unassignedPenalty: number;
  /** Caregivers this patient refuses or who may not come (hard). */
  excluded: number[];
  /** Pinned visits keep this caregiver (and their relative order); -1 = free. */
  pinnedCaregiver: number;
}

export interface PatientInput {
  id: string;
  /** The named contact caregiver (fast vårdkontakt), or -1. */
  contact: number;
  /** Soft familiarity: cost saved when a known caregiver makes a visit (≥ 0 each). */
  known: { caregiver: number; weight: number }[];
  /** Soft cap on distinct caregivers over the horizon; each one above it costs `weights.distinctOverCap`. 0 = no cap. */
  maxDistinct: number;
}

export interface SyncInput {
  /** start(second) − start(first) must lie in [minGap, maxGap]; 0/0 = simultaneous. */
  first: number;
  second: number;
  minGap: number;
  maxGap: number;
}

/** Integer weights of the objective; each term is weight × amount in scaled units. */
export interface Weights {
  travelTime: number;
  distance: number;
  /** Per unit of lateness summed over visits (soft windows). */
  lateness: number;
  /** Per unit of the single largest lateness (Mankowska's Tmax term). */
  maxLateness: number;
  /** Per unit of overtime past `shiftEnd`. */
  overtime: number;
  /** Per visit not made by the patient's contact caregiver. */
  nonContact: number;
  /** Per distinct caregiver a patient sees beyond the first one. */
  distinctCaregiver: number;
  /** Per distinct caregiver beyond the patient's `maxDistinct`. */
  distinctOverCap: number;
  /** Multiplier for the caregiver `fixedCost` when a route is used. */
  fixedCost: number;
}
