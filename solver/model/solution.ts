/**
 * The plain result of a solve: what goes on the wire, into the validator and back to the
 * server bridge. Indices refer to the ProblemInput it was solved for.
 */
export interface Solution {
  /** One route per caregiver, in caregiver order (an unused caregiver has no stops). */
  routes: RouteResult[];
  /** Visits left out, with the reason the solver could not (or chose not to) place them. */
  unassigned: { visit: number; reason: UnassignedReason }[];
  /** Objective terms in scaled units; `cost` is their weighted sum as the solver saw it. */
  cost: number;
  terms: CostTerms;
  /**
   * True when the search never held a plan that breaks no hard rule and this one was made
   * only by the final repair (which removes visits until none is broken): a poor plan.
   * Set by `solve`.
   */
  foundByRepair?: boolean;
}

export interface RouteResult {
  caregiver: number;
  stops: Stop[];
  /** Time the caregiver leaves the start location and arrives at the end location. */
  departure: number;
  arrival: number;
}

export type Stop =
  { kind: 'visit'; visit: number; start: number } | { kind: 'break'; break: number; start: number };

export type UnassignedReason =
  | 'no_qualified_caregiver'
  | 'excluded_all'
  | 'time_window'
  | 'capacity'
  | 'sync_partner'
  | 'not_worth_it';

/** All terms zero: for plans read from files or built by hand, before anyone prices them. */
export function zeroCostTerms(): CostTerms {
  return {
    travelTime: 0,
    distance: 0,
    lateness: 0,
    maxLateness: 0,
    overtime: 0,
    nonContact: 0,
    distinctCaregivers: 0,
    distinctOverCap: 0,
    fixedCost: 0,
    unassignedPenalty: 0,
    knownCredit: 0,
    usedCaregivers: 0,
  };
}

export interface CostTerms {
  travelTime: number;
  distance: number;
  lateness: number;
  maxLateness: number;
  overtime: number;
  nonContact: number;
  distinctCaregivers: number;
  distinctOverCap: number;
  fixedCost: number;
  unassignedPenalty: number;
  knownCredit: number;
  usedCaregivers: number;
}

/**
 * How `cost` is made from the terms (the validator recomputes exactly this):
 *   w.travelTime·travelTime + w.distance·distance + w.lateness·lateness
 *   + w.maxLateness·maxLateness + w.overtime·overtime + w.nonContact·nonContact
 *   + w.distinctCaregiver·distinctCaregivers + w.distinctOverCap·distinctOverCap
 *   + w.fixedCost·fixedCost + unassignedPenalty − knownCredit
 * where travel is summed over every route with the caregiver's own profile (start → stops
 * → end; an unused caregiver travels nothing), lateness = Σ max(0, start − latest) over
 * soft-window visits, maxLateness = the largest of those, overtime = Σ max(0, arrival −
 * shiftEnd), nonContact counts visits of patients with a contact made by someone else,
 * distinctCaregivers = Σ over patients of (distinct caregivers − 1, at least 0),
 * distinctOverCap = Σ max(0, distinct − maxDistinct) over patients with a cap,
 * fixedCost = Σ fixedCost of used caregivers, unassignedPenalty = Σ over unassigned
 * visits, knownCredit = Σ over assigned visits of the known-weight of its caregiver,
 * usedCaregivers = routes with at least one visit (reported, not priced).
 *
 * Hard rules (a plan breaking any is invalid): each visit at most once (assigned or in
 * `unassigned`, exactly one of the two); start ≥ earliest; start ≤ latest when hard;
 * arrival = previous end + travel, start ≥ arrival (waiting allowed); a break happens
 * where the previous stop was (no travel), inside its window, and a used route has all its
 * caregiver's breaks; no stretch of work (travel, wait, service) longer than
 * maxWorkWithoutBreak between departure, breaks and arrival; departure ≥ shiftStart;
 * arrival ≤ maxShiftEnd; load ≤ capacity; the caregiver holds every skill of the visit,
 * a timed skill only when [from, to] covers [start, start + duration]; not excluded;
 * pinned visits on their caregiver; for a sync pair both are assigned or both unassigned,
 * to different caregivers, with start(second) − start(first) in [minGap, maxGap].
 */
