import { createRoute, z } from '@hono/zod-openapi';
import { emergencyReason, requireRole, roleGate } from '../auth/scope.ts';
import { toLocalIso } from '../domain/stockholm-time.ts';
import {
  DISPATCH_ROLES,
  errorResponse,
  json,
  servicesOf,
  staffInScope,
  withFields,
} from '../http/dispatch-scope.ts';
import { createRouter } from '../http/router.ts';
import { IdParam } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { reportPosition } from './positions.ts';
import { POSITION_STATUSES, ReportPositionInput } from './schemas.ts';

/** POST /api/dispatch/staff/{id}/position: a caregiver's position. */
const PATH_STAFF = { 'body.staffId': 'path.id' };

const PositionBody = ReportPositionInput.omit({ staffId: true }).strict().openapi('ReportPosition');
const PositionSchema = z
  .object({
    staffId: z.string(),
    municipalityCode: z.string(),
    lat: z.number(),
    lon: z.number(),
    at: z.string(),
    atLocal: z.string(),
    status: z.enum(POSITION_STATUSES),
    logged: z.boolean().openapi({
      description: 'Whether this fix also became a staff.position event (one a minute at most)',
    }),
  })
  .openapi('StaffPosition');

const body = <T extends z.ZodTypeAny>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const position = createRoute({
  method: 'post',
  path: '/staff/{id}/position',
  middleware: roleGate(DISPATCH_ROLES.position),
  tags: ['Dispatch'],
  summary: "A caregiver's position (the caregiver themselves, dispatcher, admin)",
  security: bearer,
  request: { params: IdParam, ...body(PositionBody) },
  responses: {
    200: json('The position as stored', PositionSchema),
    400: errorResponse('Invalid position'),
    ...authResponses,
    404: errorResponse('No such active caregiver in your scope'),
    415: errorResponse('Not JSON'),
  },
});

export const positionRoutes = createRouter().openapi(position, async (c) => {
  requireRole(c, DISPATCH_ROLES.position);
  emergencyReason(c);
  const { id } = c.req.valid('param');
  const who = await staffInScope(c, id);
  const input = { ...c.req.valid('json'), staffId: id };
  const { position: p, logged } = await withFields(PATH_STAFF, () =>
    reportPosition(servicesOf(c), input, who),
  );
  return c.json(
    {
      staffId: p.staffId,
      municipalityCode: p.municipalityCode,
      lat: p.lat,
      lon: p.lon,
      at: p.at.toISOString(),
      atLocal: toLocalIso(p.at),
      status: p.status,
      logged,
    },
    200,
  );
});
