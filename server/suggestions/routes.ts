import { createRoute, z } from '@hono/zod-openapi';
import { audit } from '../audit/http.ts';
import { requireRole, roleGate } from '../auth/scope.ts';
import {
  DISPATCH_ROLES,
  errorResponse,
  json,
  liveVisitInScope,
  refuseEmergency,
  servicesOf,
  subject,
  withFields,
} from '../http/dispatch-scope.ts';
import { NoSuggestionsSchema, SuggestionSchema } from './schemas.ts';
import { createRouter } from '../http/router.ts';
import { IdParam } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { suggestWithReasons } from './suggestions.ts';

/** GET /api/dispatch/visits/{id}/suggestions: who could take an unassigned visit now. */
const PATH_ID = { 'body.visitId': 'path.id' };

const SuggestionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(5).openapi({ example: 5 }),
});

const suggestions = createRoute({
  method: 'get',
  path: '/visits/{id}/suggestions',
  middleware: roleGate(DISPATCH_ROLES.plan),
  tags: ['Dispatch'],
  summary:
    'Who could take this unassigned visit now, best first (dispatcher, scheduler, admin; audited)',
  security: bearer,
  request: { params: IdParam, query: SuggestionQuery },
  responses: {
    200: json(
      'Ranked caregivers on shift; when there are none, why (noSuggestions)',
      z.object({
        visitId: z.string(),
        suggestions: z.array(SuggestionSchema),
        noSuggestions: NoSuggestionsSchema.optional(),
      }),
    ),
    400: errorResponse('Bad id or limit'),
    ...authResponses,
    404: errorResponse('No such visit in your scope'),
    409: errorResponse('The visit is not unassigned'),
    503: errorResponse('Ranking overloaded: ask again after Retry-After seconds'),
  },
});

export const suggestionRoutes = createRouter().openapi(suggestions, async (c) => {
  requireRole(c, DISPATCH_ROLES.plan);
  refuseEmergency(c);
  const { id } = c.req.valid('param');
  const v = await liveVisitInScope(c, id);
  const ranked = await withFields(PATH_ID, () =>
    suggestWithReasons(servicesOf(c), id, c.req.valid('query').limit),
  );
  await audit(c, 'visit.suggestions', [subject(v)], null);
  return c.json({ visitId: id, ...ranked }, 200);
});
