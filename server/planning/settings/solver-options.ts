import type { BuildOptions } from '../../solver-bridge/problem-rows.ts';
import type { PlanningSettings } from './defaults.ts';

/** A municipality's settings as the options a plan of its day is built with. */
export function solverOptionsOf(
  s: PlanningSettings,
): Pick<BuildOptions, 'weights' | 'knownWeight' | 'maxDistinct'> {
  return {
    weights: {
      travelTime: s.weights.travelTime,
      nonContact: s.weights.nonContact,
      distinctCaregiver: s.weights.distinctCaregiver,
      distinctOverCap: s.weights.distinctOverCap,
    },
    knownWeight: s.weights.knownCaregiver,
    maxDistinct: s.maxDistinctCaregivers,
  };
}
