import { z } from '@hono/zod-openapi';
import { MunicipalityCode } from '../http/schemas.ts';

/** The bounds of the table's checks (migration 0008): a value outside is a 400, never a 500. */
export const LIABILITY_BOUNDS = {
  liabilityDays: { min: 0, max: 90 },
  cutoffHour: { min: 0, max: 24 },
  dailyAmountSek: { min: 0, max: 1_000_000 },
} as const;

const int = (key: keyof typeof LIABILITY_BOUNDS, description: string) =>
  z
    .number()
    .int()
    .min(LIABILITY_BOUNDS[key].min)
    .max(LIABILITY_BOUNDS[key].max)
    .openapi({ description });

export const LiabilityRuleSchema = z
  .object({
    liabilityDays: int(
      'liabilityDays',
      'Free days after ready-for-discharge before the municipality pays',
    ),
    dayZeroCounts: z
      .boolean()
      .openapi({ description: 'Whether the day of the notice (day 0) is one of the free days' }),
    cutoffHour: int(
      'cutoffHour',
      'A notice at or after this Stockholm hour counts from the next day; 24: no cut-off',
    ),
    countsWorkingDays: z.boolean().openapi({
      description: 'Free days counted as working days (not weekends nor Swedish public holidays)',
    }),
    dailyAmountSek: int('dailyAmountSek', 'What each liable day costs the municipality, SEK'),
  })
  .strict()
  .openapi('LiabilityRule');

const byCareType = z.object({ somatic: LiabilityRuleSchema, psychiatric: LiabilityRuleSchema });

export const LiabilitySettingsParams = z.object({
  municipality: MunicipalityCode.openapi({ param: { name: 'municipality', in: 'path' } }),
});

export const LiabilitySettingsSchema = z
  .object({
    municipality: MunicipalityCode,
    somatic: LiabilityRuleSchema,
    psychiatric: LiabilityRuleSchema,
    defaults: byCareType.openapi({ description: "The Stockholm agreement's rules (the defaults)" }),
    law: LiabilityRuleSchema.openapi({
      description: 'The law without an agreement (Lag 2017:612), for reference',
    }),
    updatedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When they were last saved; null: the defaults, never saved' }),
  })
  .openapi('LiabilitySettings');

export const PutLiabilitySettingsBody = byCareType.strict().openapi('PutLiabilitySettings', {
  description: 'Both care types, every field: the settings are saved whole',
});
