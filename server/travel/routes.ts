import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, roleGate } from '../auth/scope.ts';
import { errorResponse, json } from '../http/dispatch-scope.ts';
import { AppError } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { LocalDate, MunicipalityCode } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { DEFAULT_ESTIMATE } from '../solver-bridge/travel.ts';
import { calibrationReport, defaultPeriod } from './calibration/calibration-report.ts';

/** GET /api/travel/calibration: measured trips against the estimate (admin). */
const CalibrationQuery = z.object({
  municipality: MunicipalityCode.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  minTrips: z.coerce
    .number({ error: 'must be a whole number from 2 to 10000' })
    .int('must be a whole number from 2 to 10000')
    .min(2, 'must be a whole number from 2 to 10000')
    .max(10_000, 'must be a whole number from 2 to 10000')
    .optional(),
});

const Mode = z.enum(['car', 'bike', 'walk', 'transit']);
const ModeSpeed = z.object({ kmh: z.number(), overheadSeconds: z.number() });

const CalibrationSchema = z
  .object({
    municipality: z.string().optional(),
    from: z.string(),
    to: z.string(),
    minTrips: z.number().int(),
    estimate: z.object({
      detourFactor: z.number(),
      bufferFactor: z.number(),
      bufferSeconds: z.number(),
      minSeconds: z.number().optional(),
      modes: z.object({ car: ModeSpeed, bike: ModeSpeed, walk: ModeSpeed, transit: ModeSpeed }),
    }),
    rows: z.array(
      z.object({
        municipality: z.string(),
        mode: Mode,
        trips: z.number().int(),
        meanStraightMetres: z.number(),
        meanMeasuredSeconds: z.number(),
        meanEstimatedSeconds: z.number(),
        measuredOverEstimated: z.number(),
        fit: z.object({ interceptSeconds: z.number(), secondsPerMetre: z.number() }).nullable(),
        proposed: z
          .object({ detourFactor: z.number(), kmh: z.number(), allowanceSeconds: z.number() })
          .nullable(),
      }),
    ),
  })
  .openapi('TravelCalibration');

const calibration = createRoute({
  method: 'get',
  path: '/calibration',
  middleware: roleGate(['admin']),
  tags: ['Travel'],
  summary:
    'Travel measured from caregivers\u2019 status changes (en route \u2192 started) against the estimate, per municipality and mode, with the factors that fit (admin)',
  description:
    'From and to are Stockholm days, both included (default: the 28 days up to today). Groups under minTrips (default 20) trips get no fit. No patient data is returned.',
  security: bearer,
  request: { query: CalibrationQuery },
  responses: {
    200: json('The report', CalibrationSchema),
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

export const travelRoutes = createRouter().openapi(calibration, async (c) => {
  requireRole(c, ['admin']);
  const q = c.req.valid('query');
  const deps = c.get('deps');
  const db = deps.database.db;
  if (q.municipality) await assertMunicipality(db, q.municipality, 'query.municipality');
  const period = defaultPeriod(deps.now());
  const from = q.from ?? period.from;
  const to = q.to ?? period.to;
  if (from > to) {
    throw new AppError(400, 'validation_failed', 'The request is not valid', [
      { field: 'query.to', message: 'must not be before from' },
    ]);
  }
  const report = await calibrationReport(
    db,
    { municipality: q.municipality, from, to, minTrips: q.minTrips ?? 20 },
    deps.travel?.estimate ?? DEFAULT_ESTIMATE,
  );
  return c.json(report, 200);
});
