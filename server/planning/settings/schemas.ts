import { z } from '@hono/zod-openapi';
import { MunicipalityCode } from '../../http/schemas.ts';
import { SETTING_BOUNDS as B } from './defaults.ts';

export const SettingsParams = z.object({
  municipality: MunicipalityCode.openapi({ param: { name: 'municipality', in: 'path' } }),
});

const weight = (key: Exclude<keyof typeof B, 'maxDistinctCaregivers'>, description: string) =>
  z.number().min(B[key].min).max(B[key].max).openapi({ description });

const weightShape = {
  travelTime: weight('travelTime', 'Per second of travel: the unit the other weights count in'),
  nonContact: weight(
    'nonContact',
    "Per visit not made by the patient's contact caregiver (seconds of travel)",
  ),
  distinctCaregiver: weight(
    'distinctCaregiver',
    'Per distinct caregiver a patient meets in the day beyond the first (seconds of travel)',
  ),
  distinctOverCap: weight(
    'distinctOverCap',
    'Per distinct caregiver beyond the cap, on top of distinctCaregiver (seconds of travel)',
  ),
  knownCaregiver: weight(
    'knownCaregiver',
    'Credit per visit made by a caregiver who visited the patient in the last 14 days (seconds of travel)',
  ),
};

const maxDistinct = z
  .number()
  .int()
  .min(B.maxDistinctCaregivers.min)
  .max(B.maxDistinctCaregivers.max)
  .openapi({
    description: 'Soft cap on distinct caregivers per patient in a day; 0: no cap',
    example: 0,
  });

export const PlanningWeightsSchema = z.object(weightShape).openapi('PlanningWeights');

/** The stored weights: any subset; a missing one takes its default. */
export const StoredWeights = z.object(weightShape).partial();

export const PlanningSettingsSchema = z
  .object({
    municipality: z.string(),
    maxDistinctCaregivers: maxDistinct,
    weights: PlanningWeightsSchema,
    defaults: z.object({ maxDistinctCaregivers: maxDistinct, weights: PlanningWeightsSchema }),
    updatedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When a scheduler last saved them; null: the defaults' }),
  })
  .openapi('PlanningSettings');

export const PutSettingsBody = z
  .object({
    maxDistinctCaregivers: maxDistinct,
    weights: z
      .object(weightShape)
      .partial()
      .strict()
      .default({})
      .openapi({ description: 'Weights to set; one left out takes its default' }),
  })
  .strict()
  .openapi('PutPlanningSettings');
