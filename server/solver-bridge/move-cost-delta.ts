import type { Weights } from '../../solver/model/problem-input.ts';
import type { CostTerms } from '../../solver/model/solution.ts';

/** What a move changes, in the solver's cost units by kind, and in seconds for people. */
export interface MoveDelta {
  /** All of it: the sum of the kinds. */
  total: number;
  travel: number;
  /** Lateness, the largest lateness and overtime. */
  lateness: number;
  /** Non-contact visits, distinct caregivers (and over the cap), less known-caregiver credit. */
  continuity: number;
  /** Used caregivers' fixed cost and visits left out. */
  other: number;
  travelSeconds: number;
  latenessSeconds: number;
  overtimeSeconds: number;
  /** Patients' distinct caregivers, summed (each above one). */
  distinctCaregivers: number;
}

/** after − before by kind, priced with the weights of the problem both were priced in. */
export function costDelta(
  w: Weights,
  scale: number,
  before: { cost: number; terms: CostTerms },
  after: { cost: number; terms: CostTerms },
): MoveDelta {
  const d = (k: keyof CostTerms) => after.terms[k] - before.terms[k];
  const travel = w.travelTime * d('travelTime') + w.distance * d('distance');
  const lateness =
    w.lateness * d('lateness') + w.maxLateness * d('maxLateness') + w.overtime * d('overtime');
  const continuity =
    w.nonContact * d('nonContact') +
    w.distinctCaregiver * d('distinctCaregivers') +
    w.distinctOverCap * d('distinctOverCap') -
    d('knownCredit');
  const total = after.cost - before.cost;
  return {
    total,
    travel,
    lateness,
    continuity,
    other: total - travel - lateness - continuity,
    travelSeconds: Math.round(d('travelTime') / scale),
    latenessSeconds: Math.round(d('lateness') / scale),
    overtimeSeconds: Math.round(d('overtime') / scale),
    distinctCaregivers: d('distinctCaregivers'),
  };
}
