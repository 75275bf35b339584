import { createRoute } from '@hono/zod-openapi';
import { audit, commandActor } from '../audit/http.ts';
import type { Role } from '../auth/principal.ts';
import {
  assertMunicipalityAllowed,
  dataScope,
  emergencyReason,
  principalOf,
  refuseEmergencyList,
  requireRole,
  roleGate,
} from '../auth/scope.ts';
import { notFound } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { IdParam, errorResponse } from '../http/schemas.ts';
import { authResponses, bearer, emergencyHeaderDoc } from '../http/security-schemas.ts';
import { CreateVisitBody, VisitQuery, VisitSchema } from './schemas.ts';
import { VisitPage } from './state-schemas.ts';
import { createVisit } from './create-visit.ts';
import { assertMunicipality, municipalityExists } from '../municipalities/queries.ts';
import { getVisit, listVisits } from './queries.ts';
import { servicesOf } from '../http/dispatch-scope.ts';
import { visitView } from './visit-view.ts';

/** Who may register visits: those who plan and dispatch. Managers watch; caregivers do. */
export const VISIT_WRITERS: readonly Role[] = ['dispatcher', 'scheduler', 'admin'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Visits'],
  summary:
    'Visits in your scope (a caregiver: their own) with their caregivers and planned starts, by municipality, local day (Europe/Stockholm), status and patient; audited per patient',
  security: bearer,
  parameters: [emergencyHeaderDoc],
  request: { query: VisitQuery },
  responses: {
    200: {
      description: 'A page of visits ordered by window start',
      content: { 'application/json': { schema: VisitPage } },
    },
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Visits'],
  summary: 'One visit (audited); 404 also when outside your scope',
  security: bearer,
  parameters: [emergencyHeaderDoc],
  request: { params: IdParam },
  responses: {
    200: { description: 'The visit', content: { 'application/json': { schema: VisitSchema } } },
    400: errorResponse('Bad id'),
    ...authResponses,
    404: errorResponse('No such visit in your scope'),
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  middleware: roleGate(VISIT_WRITERS),
  tags: ['Visits'],
  summary: 'Register a single or unplanned visit (dispatcher, scheduler, admin; audited)',
  security: bearer,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateVisitBody } } },
  },
  responses: {
    201: { description: 'The new visit', content: { 'application/json': { schema: VisitSchema } } },
    400: errorResponse('Invalid visit'),
    ...authResponses,
    404: errorResponse('Unknown municipality or patient'),
    415: errorResponse('Not JSON'),
  },
});

export const visitRoutes = createRouter()
  .openapi(list, async (c) => {
    const { limit, offset, ...filter } = c.req.valid('query');
    const p = principalOf(c);
    const reason = emergencyReason(c);
    refuseEmergencyList(reason, filter.patient);
    const db = c.get('deps').database.db;
    if (filter.municipality) {
      await assertMunicipality(db, filter.municipality, 'query.municipality');
      assertMunicipalityAllowed(p, filter.municipality, 'query.municipality', reason !== null);
    }
    const page = await listVisits(db, filter, dataScope(p, reason !== null), limit, offset);
    await audit(c, 'visit.list', page.items.map(subject), reason);
    return c.json(page, 200);
  })
  .openapi(one, async (c) => {
    const p = principalOf(c);
    const reason = emergencyReason(c);
    const db = c.get('deps').database.db;
    const row = await getVisit(db, c.req.valid('param').id, dataScope(p, reason !== null));
    if (!row) throw notFound('Visit', 'path.id');
    await audit(c, 'visit.read', [subject(row)], reason);
    return c.json(row, 200);
  })
  .openapi(create, async (c) => {
    const p = requireRole(c, VISIT_WRITERS);
    emergencyReason(c); // refuses the header on a change
    const body = c.req.valid('json');
    const db = c.get('deps').database.db;
    // An unknown code is createVisit's 404; a known one outside the scope is refused here.
    if (await municipalityExists(db, body.municipality))
      assertMunicipalityAllowed(p, body.municipality, 'body.municipality');
    const { row } = await createVisit(servicesOf(c), commandActor(c), body);
    return c.json(visitView(row), 201);
  });

const subject = (v: { patientId: string; municipalityCode: string }) => ({
  patientId: v.patientId,
  municipalityCode: v.municipalityCode,
});
