import { createRoute } from '@hono/zod-openapi';
import { commandActor } from '../../audit/http.ts';
import type { Role } from '../../auth/principal.ts';
import { assertMunicipalityAllowed, requireRole, roleGate } from '../../auth/scope.ts';
import { errorResponse, json, refuseEmergency, servicesOf } from '../../http/dispatch-scope.ts';
import { AppError } from '../../http/errors.ts';
import { createRouter } from '../../http/router.ts';
import { authResponses, bearer } from '../../http/security-schemas.ts';
import { generateDay } from './generate-day.ts';
import {
  GenerateBody,
  GenerateParams,
  GenerateResultSchema,
  generateResultView,
} from './schemas.ts';

/** Who prepares a day: the scheduler (planerare), and the admin. */
export const GENERATE_ROLES: readonly Role[] = ['scheduler', 'admin'];

const generate = createRoute({
  method: 'post',
  path: '/{municipality}/days/{date}/generate',
  middleware: roleGate(GENERATE_ROLES),
  tags: ['Planning'],
  summary:
    "Generate a day's visits from the care plans, for the municipality or one team (scheduler, admin; audited)",
  description:
    "A patient's care plans whose windows overlap and that may be combined (care_plans.combinable) become one visit by one caregiver qualified for all its tasks: window the intersection, duration the sum, an AN with delegations for every delegable task may take it. Idempotent: a second call changes only what the care plans changed since. Adds missing visits, updates unassigned visits whose plan changed, cancels unassigned visits whose plan no longer applies; never touches a visit that is assigned, started, done or pinned (reported as kept). Local windows are Stockholm wall-clock time; on the spring clock-change night a time the clock skips (02:30) means 03:00, on the autumn night a time the clock shows twice means its first pass. Live consoles get visit.created, visit.updated and visit.cancelled, then day.generated.",
  security: bearer,
  request: {
    params: GenerateParams,
    body: { required: false, content: { 'application/json': { schema: GenerateBody } } },
  },
  responses: {
    200: json('What changed, and what was kept', GenerateResultSchema),
    400: errorResponse('Bad date (not a calendar day, in the past, too far ahead) or body'),
    ...authResponses,
    404: errorResponse('Unknown municipality, or no such team in it'),
    415: errorResponse('Not JSON'),
  },
});

export const generateRoutes = createRouter().openapi(generate, async (c) => {
  const p = requireRole(c, GENERATE_ROLES);
  refuseEmergency(c);
  const { municipality, date } = c.req.valid('param');
  const body = c.req.valid('json') ?? {};
  const team = body.team ?? null;
  assertMunicipalityAllowed(p, municipality, 'path.municipality');
  // A scheduler with a team scope prepares only their teams' patients.
  if (p.role !== 'admin' && p.teams.length > 0 && (team === null || !p.teams.includes(team))) {
    throw new AppError(403, 'forbidden', 'Your scope is limited to your teams', [
      { field: 'body.team', message: `must be one of your teams: ${p.teams.join(', ')}` },
    ]);
  }
  const result = await generateDay(
    servicesOf(c),
    commandActor(c),
    { municipality, date, team },
    { municipality: 'path.municipality', date: 'path.date', team: 'body.team' },
    { combine: body.combine ?? true },
  );
  return c.json(generateResultView(result), 200);
});
