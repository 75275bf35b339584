import { z } from '@hono/zod-openapi';

const Spread = z
  .object({ median: z.number(), mean: z.number(), max: z.number() })
  .openapi('PlanSpread');

export const PlanMetricsSchema = z
  .object({
    visits: z.number().int().openapi({ description: "The day's visits compared (not cancelled)" }),
    assigned: z.number().int().openapi({ description: 'Visits with a caregiver' }),
    unassigned: z.number().int(),
    travelMinutes: z.number().int().openapi({
      description: 'Base to visits and back, per caregiver and shift, with the travel estimate',
    }),
    workingMinutes: z.number().int().openapi({ description: 'Visit time plus travel time' }),
    travelShare: z.number().nullable().openapi({ description: 'Travel over working time, 0..1' }),
    caregiversPerPatient: z.object({
      patients: z.number().int().openapi({ description: 'Patients with a visit assigned' }),
      day: Spread,
      withHistory: Spread.openapi({ description: 'The day together with the 14 days before' }),
    }),
    contactShare: z.number().nullable().openapi({
      description:
        'Of the assigned visits of patients with a contact caregiver, those the contact makes',
    }),
    contactVisits: z.number().int(),
    visitsWithContact: z.number().int(),
    arrivals: z.object({
      total: z.number().int().openapi({ description: 'A two-person visit is one arrival' }),
      perPatient: Spread,
    }),
    lateness: z.object({
      totalMinutes: z
        .number()
        .int()
        .openapi({ description: "Minutes past the window's latest start" }),
      lateVisits: z.number().int(),
    }),
    overtime: z.object({
      totalMinutes: z
        .number()
        .int()
        .openapi({ description: "Past the shift's end, home included" }),
      caregivers: z.number().int(),
    }),
    workload: z.object({
      caregivers: z.number().int().openapi({ description: 'On shift; idle ones count as 0' }),
      minMinutes: z.number().int(),
      medianMinutes: z.number().int(),
      maxMinutes: z.number().int(),
      variation: z
        .number()
        .nullable()
        .openapi({ description: 'Coefficient of variation of working minutes' }),
    }),
  })
  .openapi('PlanMetrics');

export const ComparisonSchema = z
  .object({
    jobId: z.string(),
    municipality: z.string(),
    serviceDate: z.string(),
    teamId: z.string().nullable(),
    current: PlanMetricsSchema.openapi({ description: "The day's assignments as they are now" }),
    proposed: PlanMetricsSchema.openapi({
      description: "The job's plan, as publishing would make it",
    }),
    unplaced: z.array(
      z.object({
        visitId: z.string(),
        reason: z.enum([
          'no_qualified_caregiver',
          'excluded_all',
          'time_window',
          'capacity',
          'sync_partner',
          'not_worth_it',
          'no_staff_on_shift',
        ]),
        windowStart: z.string(),
        windowEnd: z.string(),
        durationMinutes: z.number().int(),
        requiredProfession: z.string(),
        staffCount: z.number().int(),
      }),
    ),
  })
  .openapi('PlanningComparison');
