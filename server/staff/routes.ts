import { createRoute } from '@hono/zod-openapi';
import { assertMunicipalityAllowed, dataScope, principalOf } from '../auth/scope.ts';
import { notFound } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { IdParam, errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { StaffPage, StaffQuery, StaffSchema } from './schemas.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { getStaff, listStaff } from './queries.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Staff'],
  summary: 'Caregivers in your scope, filtered by municipality, profession and active flag',
  security: bearer,
  request: { query: StaffQuery },
  responses: {
    200: { description: 'A page of staff', content: { 'application/json': { schema: StaffPage } } },
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Staff'],
  summary: 'One caregiver; 404 also when outside your scope',
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: { description: 'The caregiver', content: { 'application/json': { schema: StaffSchema } } },
    400: errorResponse('Bad id'),
    ...authResponses,
    404: errorResponse('No such caregiver'),
  },
});

export const staffRoutes = createRouter()
  .openapi(list, async (c) => {
    const { limit, offset, municipality, profession, active } = c.req.valid('query');
    const p = principalOf(c);
    const db = c.get('deps').database.db;
    if (municipality) {
      await assertMunicipality(db, municipality, 'query.municipality');
      assertMunicipalityAllowed(p, municipality, 'query.municipality');
    }
    const filter = {
      municipality,
      profession,
      active: active === undefined ? undefined : active === 'true',
    };
    return c.json(await listStaff(db, filter, dataScope(p), limit, offset), 200);
  })
  .openapi(one, async (c) => {
    const scope = dataScope(principalOf(c));
    const row = await getStaff(c.get('deps').database.db, c.req.valid('param').id, scope);
    if (!row) throw notFound('Caregiver', 'path.id');
    return c.json(row, 200);
  });
