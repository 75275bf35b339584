import type { Tx } from '../../events/append-events.ts';
import { planningSettings } from '../../../db/schema/index.ts';
import type { PlanningWeights } from './defaults.ts';

/** Saves a municipality's settings whole: weights left out take their defaults. */
export async function writePlanningSettings(
  db: Tx,
  municipality: string,
  s: { maxDistinctCaregivers: number; weights: Partial<PlanningWeights> },
  by: { userId: string; now: Date },
): Promise<void> {
  const row = {
    maxDistinctCaregivers: s.maxDistinctCaregivers,
    weights: s.weights,
    updatedAt: by.now,
    updatedBy: by.userId,
  };
  await db
    .insert(planningSettings)
    .values({ municipalityCode: municipality, ...row })
    .onConflictDoUpdate({ target: planningSettings.municipalityCode, set: row });
}
