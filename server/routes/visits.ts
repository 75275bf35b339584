import { createRoute } from '@hono/zod-openapi';
import { notFound } from '../errors.ts';
import { createRouter } from '../openapi/router.ts';
import { IdParam, errorResponse } from '../schemas/common.ts';
import { CreateVisitBody, VisitPage, VisitQuery, VisitSchema } from '../schemas/visit.ts';
import { createVisit } from '../services/create-visit.ts';
import { assertMunicipality } from '../services/municipalities.ts';
import { getVisit, listVisits } from '../services/visits.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Visits'],
  summary: 'Visits, filtered by municipality, local day (Europe/Stockholm), status and patient',
  request: { query: VisitQuery },
  responses: {
    200: {
      description: 'A page of visits ordered by window start',
      content: { 'application/json': { schema: VisitPage } },
    },
    400: errorResponse('Bad query'),
    404: errorResponse('Unknown municipality'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Visits'],
  summary: 'One visit',
  request: { params: IdParam },
  responses: {
    200: { description: 'The visit', content: { 'application/json': { schema: VisitSchema } } },
    400: errorResponse('Bad id'),
    404: errorResponse('No such visit'),
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['Visits'],
  summary: 'Register a single or unplanned visit',
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateVisitBody } } },
  },
  responses: {
    201: { description: 'The new visit', content: { 'application/json': { schema: VisitSchema } } },
    400: errorResponse('Invalid visit'),
    404: errorResponse('Unknown municipality or patient'),
    415: errorResponse('Not JSON'),
  },
});

export const visitRoutes = createRouter()
  .openapi(list, async (c) => {
    const { limit, offset, ...filter } = c.req.valid('query');
    const db = c.get('deps').database.db;
    if (filter.municipality)
      await assertMunicipality(db, filter.municipality, 'query.municipality');
    return c.json(await listVisits(db, filter, limit, offset), 200);
  })
  .openapi(one, async (c) => {
    const row = await getVisit(c.get('deps').database.db, c.req.valid('param').id);
    if (!row) throw notFound('Visit', 'path.id');
    return c.json(row, 200);
  })
  .openapi(create, async (c) => {
    const view = await createVisit(c.get('deps').database.db, c.req.valid('json'));
    return c.json(view, 201);
  });
