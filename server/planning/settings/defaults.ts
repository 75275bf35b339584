import { DEFAULT_WEIGHTS, KNOWN_CAREGIVER_WEIGHT } from '../../solver-bridge/problem-rows.ts';

/**
 * The continuity weights a scheduler may set, in seconds of travel they are worth: what a
 * municipality's plans trade for fewer, familiar caregivers.
 */
export interface PlanningWeights {
  /** Per second of travel (the unit the others are counted in). */
  travelTime: number;
  /** Per visit not made by the patient's contact caregiver. */
  nonContact: number;
  /** Per distinct caregiver a patient meets in the day beyond the first. */
  distinctCaregiver: number;
  /** Per distinct caregiver beyond the cap (maxDistinctCaregivers). */
  distinctOverCap: number;
  /** Credit per visit made by a caregiver who visited the patient in the last 14 days. */
  knownCaregiver: number;
}

export interface PlanningSettings {
  /** Soft cap on distinct caregivers per patient in a day's plan; 0: none. */
  maxDistinctCaregivers: number;
  weights: PlanningWeights;
}

/**
 * What a municipality plans with until its schedulers change it (no planning_settings row,
 * or a weight missing from it). Measured by the 14-day continuity benchmark
 * (bench/results/continuity.md), together with the usual-caregiver warm start.
 */
export const PLANNING_DEFAULTS: PlanningSettings = {
  maxDistinctCaregivers: 0,
  weights: {
    travelTime: DEFAULT_WEIGHTS.travelTime,
    // The usual caregivers carry continuity; the contact's visits cost travel and did not
    // lower the indicator further (bench/results/continuity.md): none by default.
    nonContact: 0,
    distinctCaregiver: DEFAULT_WEIGHTS.distinctCaregiver,
    distinctOverCap: 1800,
    knownCaregiver: KNOWN_CAREGIVER_WEIGHT,
  },
};

/** Bounds of each setting: wide enough to try, narrow enough that travel still counts. */
export const SETTING_BOUNDS = {
  maxDistinctCaregivers: { min: 0, max: 20 },
  travelTime: { min: 0.1, max: 10 },
  nonContact: { min: 0, max: 36_000 },
  distinctCaregiver: { min: 0, max: 36_000 },
  distinctOverCap: { min: 0, max: 36_000 },
  knownCaregiver: { min: 0, max: 36_000 },
} as const;
