import { eq } from 'drizzle-orm';
import { planningSettings } from '../../../db/schema/index.ts';
import type { Tx } from '../../events/append-events.ts';
import { PLANNING_DEFAULTS, type PlanningSettings } from './defaults.ts';
import { StoredWeights } from './schemas.ts';

export interface StoredSettings extends PlanningSettings {
  updatedAt: Date | null;
}

/**
 * A municipality's planning settings: its row over the defaults. A weight stored out of
 * today's bounds (an older version's) takes its default rather than failing a plan.
 */
export async function readPlanningSettings(db: Tx, municipality: string): Promise<StoredSettings> {
  const [row] = await db
    .select()
    .from(planningSettings)
    .where(eq(planningSettings.municipalityCode, municipality));
  if (!row) return { ...PLANNING_DEFAULTS, updatedAt: null };
  const weights = { ...PLANNING_DEFAULTS.weights };
  const stored = (row.weights ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(weights) as (keyof typeof weights)[]) {
    const one = StoredWeights.shape[key].safeParse(stored[key]);
    if (one.success && one.data !== undefined) weights[key] = one.data;
  }
  return { maxDistinctCaregivers: row.maxDistinctCaregivers, weights, updatedAt: row.updatedAt };
}
