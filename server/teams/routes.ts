import { createRoute } from '@hono/zod-openapi';
import { assertMunicipalityAllowed, dataScope, principalOf } from '../auth/scope.ts';
import { createRouter } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { listTeams } from './queries.ts';
import { TeamList, TeamQuery } from './schemas.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Staff'],
  summary: "A municipality's teams within your scope (the console's team choice)",
  security: bearer,
  request: { query: TeamQuery },
  responses: {
    200: {
      description: 'The teams, by name',
      content: { 'application/json': { schema: TeamList } },
    },
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

export const teamRoutes = createRouter().openapi(list, async (c) => {
  const { municipality } = c.req.valid('query');
  const p = principalOf(c);
  const db = c.get('deps').database.db;
  await assertMunicipality(db, municipality, 'query.municipality');
  assertMunicipalityAllowed(p, municipality, 'query.municipality');
  return c.json(await listTeams(db, municipality, dataScope(p)), 200);
});
