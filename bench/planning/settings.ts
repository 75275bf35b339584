/**
 * The continuity levers a scheduler would set: the solver's weights, the credit for a
 * caregiver the patient knows, how far back "knows" looks, and a cap on distinct caregivers
 * per patient in a day's plan (the solver's `maxDistinct`, priced by `distinctOverCap`).
 */
import {
  DEFAULT_WEIGHTS,
  KNOWN_CAREGIVER_WEIGHT,
} from '../../server/solver-bridge/problem-rows.ts';
import { KNOWN_DAYS } from '../../server/day/service-day.ts';

export interface ContinuitySettings {
  name: string;
  /** Per visit not made by the patient's contact caregiver (seconds of travel). */
  nonContact: number;
  /** Per distinct caregiver a patient meets in the day beyond the first. */
  distinctCaregiver: number;
  /** Cap on distinct caregivers per patient in a day's plan; 0 = none. */
  maxDistinct: number;
  /** Per distinct caregiver beyond the cap. */
  distinctOverCap: number;
  /** Credit per visit made by a caregiver who visited the patient in the history window. */
  knownWeight: number;
  /**
   * 'flat': every known caregiver earns the full credit (the server's way); 'frequency':
   * in proportion to their share of the patient's visits in the window, so the credit
   * concentrates on the few who come most.
   */
  knownBy: 'flat' | 'frequency';
  /** Days of history that make a caregiver known (the server: KNOWN_DAYS). */
  historyDays: number;
  /**
   * After the solve, re-assign whole routes to caregivers by the exact assignment model of
   * bench/solver/assign-routes-lp.ts (kept only when the validated cost falls).
   */
  lpRoutes: boolean;
  /**
   * Start each day from the usual caregivers, the product's warm start
   * (server/solver-bridge/usual-start.ts): every visit with the caregiver who made its care
   * plan (else visited its patient) most often before, when they work today.
   */
  usualStart: boolean;
}

/** What the server passes today (problem-rows.ts, service-day.ts). */
export const SERVER_DEFAULTS: ContinuitySettings = {
  name: 'server defaults',
  nonContact: DEFAULT_WEIGHTS.nonContact,
  distinctCaregiver: DEFAULT_WEIGHTS.distinctCaregiver,
  maxDistinct: 0,
  distinctOverCap: DEFAULT_WEIGHTS.distinctOverCap,
  knownWeight: KNOWN_CAREGIVER_WEIGHT,
  knownBy: 'flat',
  historyDays: KNOWN_DAYS,
  lpRoutes: false,
  usualStart: false,
};

/** Continuity weighs nothing: the plan minimises travel, lateness and overtime alone. */
export const TRAVEL_ONLY: ContinuitySettings = {
  name: 'travel only',
  nonContact: 0,
  distinctCaregiver: 0,
  maxDistinct: 0,
  distinctOverCap: 0,
  knownWeight: 0,
  knownBy: 'flat',
  historyDays: KNOWN_DAYS,
  lpRoutes: false,
  usualStart: false,
};

export function describeSettings(s: ContinuitySettings): string {
  return (
    `nonContact ${s.nonContact}, distinct ${s.distinctCaregiver}, ` +
    `cap ${s.maxDistinct === 0 ? 'none' : `${s.maxDistinct} (${s.distinctOverCap} over)`}, ` +
    `known ${s.knownWeight} ${s.knownBy}, history ${s.historyDays} d` +
    (s.lpRoutes ? ', LP route assignment' : '') +
    (s.usualStart ? ', starts from the usual caregivers (of the plan, then the patient)' : '')
  );
}

/** Settings the benchmark compares (`--settings a,b,…`); `travel` is always run as the baseline. */
export const CATALOG: Record<string, ContinuitySettings> = {
  server: SERVER_DEFAULTS,
  'known-900': { ...SERVER_DEFAULTS, name: 'known 900', knownWeight: 900 },
  frequency: {
    ...SERVER_DEFAULTS,
    name: 'frequency credit 900',
    knownWeight: 900,
    knownBy: 'frequency',
  },
  'cap-3': { ...SERVER_DEFAULTS, name: 'cap 3 a day', maxDistinct: 3, distinctOverCap: 1800 },
  'freq-3600': {
    ...SERVER_DEFAULTS,
    name: 'frequency credit 3600',
    knownWeight: 3600,
    knownBy: 'frequency',
  },
  'freq-3600-d1800': {
    ...SERVER_DEFAULTS,
    name: 'frequency 3600, distinct 1800',
    knownWeight: 3600,
    knownBy: 'frequency',
    distinctCaregiver: 1800,
  },
  usual: { ...SERVER_DEFAULTS, name: 'server weights + usual start', usualStart: true },
  'usual-freq-3600': {
    ...SERVER_DEFAULTS,
    name: 'usual start, frequency 3600',
    knownWeight: 3600,
    knownBy: 'frequency',
    usualStart: true,
  },
  'usual-freq-900': {
    ...SERVER_DEFAULTS,
    name: 'usual start, frequency 900',
    knownWeight: 900,
    knownBy: 'frequency',
    usualStart: true,
  },
  'usual-freq-1800': {
    ...SERVER_DEFAULTS,
    name: 'usual start, frequency 1800',
    knownWeight: 1800,
    knownBy: 'frequency',
    usualStart: true,
  },
  'usual-freq-1800-no-contact': {
    ...SERVER_DEFAULTS,
    name: 'usual start, frequency 1800, no contact weight',
    nonContact: 0,
    knownWeight: 1800,
    knownBy: 'frequency',
    usualStart: true,
  },
  'usual-no-contact': {
    ...SERVER_DEFAULTS,
    name: 'usual start, no contact weight',
    nonContact: 0,
    usualStart: true,
  },
  'usual-freq-900-no-contact': {
    ...SERVER_DEFAULTS,
    name: 'usual start, frequency 900, no contact weight',
    nonContact: 0,
    knownWeight: 900,
    knownBy: 'frequency',
    usualStart: true,
  },
  'usual-no-contact-d1800': {
    ...SERVER_DEFAULTS,
    name: 'usual start, no contact weight, distinct 1800',
    nonContact: 0,
    distinctCaregiver: 1800,
    usualStart: true,
  },
  'usual-no-contact-cap2': {
    ...SERVER_DEFAULTS,
    name: 'usual start, no contact weight, cap 2 a day (1800 over)',
    nonContact: 0,
    maxDistinct: 2,
    distinctOverCap: 1800,
    usualStart: true,
  },
  'usual-no-contact-freq-600': {
    ...SERVER_DEFAULTS,
    name: 'usual start, frequency 600, no contact weight',
    nonContact: 0,
    knownWeight: 600,
    knownBy: 'frequency',
    usualStart: true,
  },
  /** How far the levers go when travel does not matter much: the floor of this world. */
  strongest: {
    ...SERVER_DEFAULTS,
    name: 'usual start, frequency 20000, distinct 5000',
    knownWeight: 20_000,
    knownBy: 'frequency',
    distinctCaregiver: 5000,
    usualStart: true,
  },
  lp: { ...SERVER_DEFAULTS, name: 'server + LP routes', lpRoutes: true },
  'history-7': { ...SERVER_DEFAULTS, name: 'history 7 d', historyDays: 7 },
  strong: {
    name: 'strong',
    nonContact: 600,
    distinctCaregiver: 1800,
    maxDistinct: 3,
    distinctOverCap: 1800,
    knownWeight: 1200,
    knownBy: 'frequency',
    historyDays: 14,
    lpRoutes: false,
    usualStart: false,
  },
};

/**
 * The defaults this benchmark recommends, and the product plans with
 * (server/planning/settings/defaults.ts): each day started from the usual caregivers, and no
 * weight on the contact caregiver, whose visits cost travel without lowering the indicator
 * once the usual caregivers carry continuity. bench/results/continuity.md (the product's warm
 * start): median 11 at +5.2 % travel, against 11 at +7.5 % with the contact weight;
 * continuity-tune.md (before the warm start placed every open visit first): 10 at +4.2 %
 * against 11 at +5.1 %, and more distinct-caregiver weight, a daily cap of 2 or a
 * frequency-weighted credit lowered nothing further, at +6.4 to +7.2 %.
 */
CATALOG.recommended = {
  ...CATALOG['usual-no-contact'],
  name: 'recommended (usual start, no contact weight)',
};
