import { z } from '@hono/zod-openapi';
import { MunicipalityCode, Uuid } from '../http/schemas.ts';
import { MAX_PERIOD_DAYS } from './period.ts';

const DateParam = z.string().openapi({
  example: '2026-11-23',
  description: 'A calendar day in Europe/Stockholm, YYYY-MM-DD',
});

/** Query of the figure routes: checked for form here, for sense (dates exist, length) in period.ts. */
export const BoardQuery = z.object({
  from: DateParam.optional().openapi({
    description: `First day (default: 28 days before \`to\`); at most ${MAX_PERIOD_DAYS} days in all`,
  }),
  to: DateParam.optional().openapi({ description: 'Last day, inclusive (default: today)' }),
  team: Uuid.optional().openapi({
    description: 'One team of the municipality (within your scope)',
  }),
  format: z.enum(['json', 'csv']).default('json').openapi({
    description: "csv: the figures as a table for Swedish spreadsheets (';', decimal comma)",
  }),
});
export const CountyQuery = BoardQuery.omit({ team: true });
export const TeamOnlyQuery = BoardQuery.pick({ team: true });

export const MunicipalityParam = z.object({
  municipality: MunicipalityCode.openapi({ param: { name: 'municipality', in: 'path' } }),
});

const Share = z
  .number()
  .nullable()
  .openapi({ description: 'A share 0–1; null when nothing to count' });
const Median = z.object({ median: z.number(), p90: z.number() });
const Continuity = z.object({ patients: z.number().int(), kolada: Median, allHours: Median });
const Period = z.object({ from: z.string(), to: z.string(), days: z.number().int() });

export const BoardFiguresSchema = z
  .object({
    municipalityCode: z.string(),
    teamId: z.string().nullable(),
    period: Period,
    continuity: z.object({
      window: z.object({ from: z.string(), to: z.string() }),
      overall: Continuity,
      teams: z.array(Continuity.extend({ teamId: z.string().nullable() })),
    }),
    contactShare: z.object({ visits: z.number().int(), byContact: z.number().int(), share: Share }),
    punctuality: z.object({
      started: z.number().int(),
      withinWindow: z.number().int(),
      share: Share,
      buckets: z.object({
        early: z.number().int(),
        onTime: z.number().int(),
        late1to15: z.number().int(),
        late16to30: z.number().int(),
        late31to60: z.number().int(),
        lateOver60: z.number().int(),
      }),
    }),
    urgentResponse: z.array(
      z.object({
        priority: z.enum(['urgent1', 'urgent2']),
        registered: z.number().int(),
        reached: z.number().int(),
        medianMinutes: z.number().nullable(),
        p90Minutes: z.number().nullable(),
        targetMinutes: z.number(),
        withinTarget: z.number().int(),
      }),
    ),
    outcomes: z.object({
      visits: z.number().int(),
      done: z.number().int(),
      unplaced: z.number().int(),
      noAccess: z.number().int(),
      cancelled: z.number().int(),
      twoPerson: z.object({ done: z.number().int(), together: z.number().int() }),
      arrivalsPerPatientDay: z.number().nullable(),
    }),
    workingTime: z.object({
      shifts: z.number().int(),
      shiftHours: z.number(),
      visitHours: z.number(),
      travelHours: z.number(),
      utilisation: Share,
      travelShare: Share,
      overtimeHours: z.number(),
      shiftsOverrun: z.number().int(),
    }),
    plannedActual: z.object({
      visits: z.number().int(),
      plannedMinutes: z.object({ mean: z.number().nullable() }),
      actualMinutes: z.object({ mean: z.number().nullable(), median: z.number().nullable() }),
      overrunMinutes: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
      travelMinutes: z.object({ mean: z.number().nullable(), median: z.number().nullable() }),
      plannedTravelMinutes: z.object({ mean: z.number().nullable() }).openapi({
        description:
          'Planned travel to the visit of the caregiver who reported it; visits no plan priced (null) left out',
      }),
      travelOverrunMinutes: z
        .object({
          visits: z.number().int(),
          median: z.number().nullable(),
          p90: z.number().nullable(),
        })
        .openapi({ description: 'Reported minus planned travel, per visit with both' }),
    }),
  })
  .openapi('BoardFigures');

export const TrendDaySchema = z
  .object({
    day: z.string(),
    visits: z.number().int(),
    done: z.number().int(),
    unplaced: z.number().int(),
    noAccess: z.number().int(),
    cancelled: z.number().int(),
    arrivalsPerPatientDay: z.number().nullable(),
    punctualityShare: Share,
    contactShare: Share,
    urgent1MedianMinutes: z.number().nullable(),
    urgent2MedianMinutes: z.number().nullable(),
    utilisation: Share,
    travelShare: Share,
    overtimeHours: z.number(),
    continuityPatients: z.number().int().openapi({
      description: 'Patients who count for continuity over the 14 days ending this day',
    }),
    continuityKoladaMedian: z.number().nullable().openapi({
      description:
        'Median distinct caregivers (Kolada personalkontinuitet) over the 14 days ending this day; null when no patient counts',
    }),
  })
  .openapi('BoardTrendDay');
export const TrendsSchema = z
  .object({
    municipalityCode: z.string(),
    teamId: z.string().nullable(),
    period: Period,
    days: z.array(TrendDaySchema),
  })
  .openapi('BoardTrends');

export const CountyRowSchema = z
  .object({
    municipalityCode: z.string(),
    name: z.string(),
    continuityPatients: z.number().int(),
    continuityKoladaMedian: z.number(),
    continuityAllHoursMedian: z.number(),
    contactShare: Share,
    punctualityShare: Share,
    urgent1MedianMinutes: z.number().nullable(),
    visits: z.number().int(),
    done: z.number().int(),
    unplaced: z.number().int(),
    noAccess: z.number().int(),
    cancelled: z.number().int(),
    travelShare: Share,
    utilisation: Share,
  })
  .openapi('BoardCountyRow');
export const CountySchema = z
  .object({ period: Period, items: z.array(CountyRowSchema) })
  .openapi('BoardCounty');

export const ExpiringDelegationSchema = z
  .object({
    delegationId: z.string(),
    staffId: z.string(),
    staffName: z.string(),
    teamId: z.string(),
    taskType: z.string(),
    delegatedById: z.string(),
    delegatedByName: z.string(),
    patientId: z.string().nullable(),
    validTo: z.string(),
  })
  .openapi('ExpiringDelegation');
export const ExpiringDelegationsSchema = z
  .object({ horizonDays: z.number().int(), items: z.array(ExpiringDelegationSchema) })
  .openapi('ExpiringDelegations');

export const PatientContinuitySchema = z
  .object({
    window: z.object({ from: z.string(), to: z.string() }),
    items: z.array(
      z.object({
        patientId: z.string(),
        teamId: z.string().nullable(),
        kolada: z.number().int(),
        allHours: z.number().int(),
      }),
    ),
  })
  .openapi('BoardPatientContinuity');

const counts = (keys: readonly string[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])));
export const EconomicsSchema = z
  .object({
    period: Period,
    items: z.array(
      z.object({
        municipalityCode: z.string(),
        month: z.string(),
        staffHours: counts(['rn', 'an', 'ot', 'pt', 'dietitian']),
        travel: z.object({ reportedHours: z.number(), estimatedKm: z.number() }),
        visitsBySource: counts(['plan', 'urgent_call', 'single', 'discharge']),
        visitsByCareSetting: counts(['ordinary_home', 'hvb_home', 'asylum_housing']),
      }),
    ),
  })
  .openapi('BoardEconomics');

export const HistoryStatusSchema = z
  .object({
    state: z.enum(['none', 'running', 'done', 'failed']).openapi({
      description:
        'none: no history asked in this process (a real deployment); running: being written',
    }),
    days: z.number().int().openapi({ description: 'Past days asked for' }),
    daysDone: z.number().int().openapi({ description: 'Days written so far, oldest first' }),
    from: z.string().nullable(),
    to: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi('BoardHistoryStatus');
