import { createRoute, z } from '@hono/zod-openapi';
import { audit } from '../audit/http.ts';
import { assertMunicipalityAllowed, requireRole, roleGate } from '../auth/scope.ts';
import {
  DISPATCH_ROLES,
  errorResponse,
  json,
  refuseEmergency,
  servicesOf,
  subjectsOfVisits,
} from '../http/dispatch-scope.ts';
import { createRouter } from '../http/router.ts';
import { MunicipalityCode } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { lateRiskAlerts } from './late-risk.ts';

/** GET /api/dispatch/late-risks: visits that will start after their window. */
const LateRiskQuery = z.object({ municipality: MunicipalityCode });

const LateRiskSchema = z
  .object({
    visitId: z.string(),
    staffId: z.string(),
    version: z.number().int(),
    eta: z.string(),
    etaLocal: z.string(),
    windowEnd: z.string(),
    windowEndLocal: z.string(),
    lateBySeconds: z.number(),
  })
  .openapi('LateRiskAlert');

const lateRisks = createRoute({
  method: 'get',
  path: '/late-risks',
  middleware: roleGate(DISPATCH_ROLES.watch),
  tags: ['Dispatch'],
  summary:
    'Visits that will start after their window at the pace the routes now allow (dispatcher, scheduler, manager, admin; audited)',
  security: bearer,
  request: { query: LateRiskQuery },
  responses: {
    200: json(
      'Alerts, earliest first',
      z.object({ municipality: z.string(), alerts: z.array(LateRiskSchema) }),
    ),
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

export const lateRiskRoutes = createRouter().openapi(lateRisks, async (c) => {
  const p = requireRole(c, DISPATCH_ROLES.watch);
  refuseEmergency(c);
  const { municipality } = c.req.valid('query');
  const db = c.get('deps').database.db;
  await assertMunicipality(db, municipality, 'query.municipality');
  assertMunicipalityAllowed(p, municipality, 'query.municipality');
  const alerts = await lateRiskAlerts(servicesOf(c), municipality);
  await audit(
    c,
    'visit.late_risks',
    await subjectsOfVisits(
      c,
      alerts.map((a) => a.visitId),
    ),
    null,
  );
  return c.json({ municipality, alerts }, 200);
});
