import type { PlanningJobStatus } from '../../../db/schema/index.ts';
import type { PlanQuality } from '../../solver-bridge/plan-quality.ts';

export type { PlanningJobStatus };

/** How far a running job has got; the last one stays on the finished job. */
export interface JobProgress {
  elapsedMs: number;
  /**
   * The solver's best cost so far (its own integer units): of the best feasible plan, or
   * while there is none (`feasible` false) the lowest penalised cost of the search; null
   * before the search has begun.
   */
  bestCost: number | null;
  feasible: boolean;
  /**
   * Visits placed in the best plan so far, of `visitsTotal` (the open visits of the day).
   * While solving it is read from the solver's placed visit halves (a two-person visit is two),
   * so it is exact once done and close before.
   */
  visitsPlaced: number;
  visitsTotal: number;
}

/** One visit of the proposed plan: its caregivers and start, and the version it was planned at. */
export interface JobAssignment {
  visitId: string;
  version: number;
  /** travelSeconds: the leg before the visit as planned (absent on jobs made before it). */
  staff: { staffId: string; plannedStart: string; routeOrder: number; travelSeconds?: number }[];
}

/** Why a visit is left out: the solver's reasons, and the day's own. */
export type UnplacedReason =
  | 'no_qualified_caregiver'
  | 'excluded_all'
  | 'time_window'
  | 'capacity'
  | 'sync_partner'
  | 'not_worth_it'
  | 'no_staff_on_shift';

/** The proposed plan of a finished job. */
export interface JobResult {
  assignments: JobAssignment[];
  unplaced: { visitId: string; reason: UnplacedReason }[];
  summary: {
    /** Visits of the day the job plans: unassigned ones and those it plans again. */
    visits: number;
    placed: number;
    unplaced: number;
    /** Solver caregivers: one per shift that overlaps the day. */
    shifts: number;
    /** Visits already assigned, started or done, kept where they are. */
    fixed: number;
    /** Of `visits`, those already assigned that the plan may move (not pinned, not soon). */
    replanned: number;
    travelSeconds: number;
    /** The solver's cost of the plan (its integer units); null when nothing was solved. */
    cost: number | null;
    solveMs: number;
  };
  /** What the day lacked, in words (an empty day, no staff). */
  notes: string[];
  /** How far to trust the plan; absent when nothing was solved (and on jobs from before it). */
  quality?: PlanQuality;
}

/**
 * What a plan was made from: the version of every visit it read (open or fixed) and the end
 * of every shift. Publishing compares it with the day as it is.
 */
export interface DayBasis {
  visits: Record<string, number>;
  shifts: Record<string, string>;
}
