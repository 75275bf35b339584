import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { MunicipalityCode, PaginationQuery, errorResponse } from '../http/schemas.ts';
import { MunicipalityPage, MunicipalitySchema } from './schemas.ts';
import { getMunicipality, listMunicipalities } from './queries.ts';
import { notFound } from '../http/errors.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Reference data'],
  summary: 'The municipalities of Stockholm County',
  request: { query: PaginationQuery },
  responses: {
    200: {
      description: 'A page of municipalities',
      content: { 'application/json': { schema: MunicipalityPage } },
    },
    400: errorResponse('Bad query'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{code}',
  tags: ['Reference data'],
  summary: 'One municipality by SCB code',
  request: {
    params: z.object({ code: MunicipalityCode.openapi({ param: { name: 'code', in: 'path' } }) }),
  },
  responses: {
    200: {
      description: 'The municipality',
      content: { 'application/json': { schema: MunicipalitySchema } },
    },
    400: errorResponse('Bad code'),
    404: errorResponse('No such municipality'),
  },
});

export const municipalityRoutes = createRouter()
  .openapi(list, async (c) => {
    const { limit, offset } = c.req.valid('query');
    return c.json(await listMunicipalities(c.get('deps').database.db, limit, offset), 200);
  })
  .openapi(one, async (c) => {
    const row = await getMunicipality(c.get('deps').database.db, c.req.valid('param').code);
    if (!row) throw notFound('Municipality', 'path.code');
    return c.json(row, 200);
  });
