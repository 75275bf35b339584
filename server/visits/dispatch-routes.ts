import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { commandActor } from '../audit/http.ts';
import type { Role } from '../auth/principal.ts';
import {
  assertMunicipalityAllowed,
  emergencyReason,
  requireRole,
  roleGate,
} from '../auth/scope.ts';
import { assignVisit, reassignVisit, unassignVisit } from './assign-visit.ts';
import { pinVisit, unpinVisit } from './pin-visit.ts';
import {
  AssignVisitInput,
  PinVisitInput,
  UpdateVisitStatusInput,
  UrgentVisitInput,
  VisitVersionInput,
} from './dispatch-schemas.ts';
import { registerUrgentVisit } from './urgent-visit.ts';
import type { VisitState } from './visit-state.ts';
import type { CommandActor } from '../commands/run-command.ts';
import { updateVisitStatus } from './visit-status.ts';
import { AppError } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { IdParam } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { municipalityExists } from '../municipalities/queries.ts';
import {
  CAREGIVER_STATUSES,
  DISPATCH_ROLES,
  errorResponse,
  json,
  servicesOf,
  visitInScope,
  withFields,
} from '../http/dispatch-scope.ts';
import { NoSuggestionsSchema, SuggestionSchema } from '../suggestions/schemas.ts';
import { VisitStateSchema, conflictResponse } from './state-schemas.ts';

const PATH_ID = { 'body.visitId': 'path.id' };

const AssignBody = AssignVisitInput.omit({ visitId: true }).strict().openapi('AssignVisit');
const VersionBody = VisitVersionInput.omit({ visitId: true }).strict().openapi('VisitVersion');
const PinBody = PinVisitInput.omit({ visitId: true }).strict().openapi('PinVisit');
const StatusBody = UpdateVisitStatusInput.omit({ visitId: true })
  .strict()
  .openapi('UpdateVisitStatus');
const UrgentBody = UrgentVisitInput.strict().openapi('UrgentVisit');

const body = <T extends z.ZodTypeAny>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const visitChange = (path: string, summary: string, schema: z.ZodTypeAny, roles: readonly Role[]) =>
  createRoute({
    method: 'post',
    path,
    middleware: roleGate(roles),
    tags: ['Dispatch'],
    summary,
    security: bearer,
    request: { params: IdParam, ...body(schema) },
    responses: {
      200: json('The visit as it is now (also broadcast as an event)', VisitStateSchema),
      400: errorResponse('Invalid request'),
      ...authResponses,
      404: errorResponse('No such visit in your scope'),
      409: conflictResponse(
        'Stale expectedVersion (with the current visit), or the visit is in the wrong state',
      ),
      415: errorResponse('Not JSON'),
      422: errorResponse('Refused by the assignment or status rules'),
    },
  });

const urgent = createRoute({
  method: 'post',
  path: '/urgent-visits',
  middleware: roleGate(DISPATCH_ROLES.dispatch),
  tags: ['Dispatch'],
  summary: 'Register an urgent call (dispatcher, admin; audited) and rank who could go, best first',
  security: bearer,
  request: body(UrgentBody),
  responses: {
    201: json(
      'The new visit and the suggested caregivers (none, with suggestionsUnavailable, when ' +
        'the ranking is overloaded: ask GET /visits/{id}/suggestions after retryAfterSeconds)',
      z.object({
        visit: VisitStateSchema,
        suggestions: z.array(SuggestionSchema),
        noSuggestions: NoSuggestionsSchema.optional(),
        suggestionsUnavailable: z
          .object({ reason: z.literal('busy'), retryAfterSeconds: z.number().int() })
          .optional(),
      }),
    ),
    400: errorResponse('Invalid urgent visit'),
    ...authResponses,
    404: errorResponse('Unknown municipality or patient'),
    415: errorResponse('Not JSON'),
  },
});

const assign = visitChange(
  '/visits/{id}/assign',
  'Assign a visit to one caregiver (two for a two-person visit); an assigned visit is reassigned (dispatcher, scheduler, admin; audited)',
  AssignBody,
  DISPATCH_ROLES.plan,
);
const unassign = visitChange(
  '/visits/{id}/unassign',
  'Take an assigned visit off its caregivers (dispatcher, scheduler, admin; audited)',
  VersionBody,
  DISPATCH_ROLES.plan,
);
const status = visitChange(
  '/visits/{id}/status',
  'Report a visit status: en_route, in_progress, done, no_access, cancelled (dispatcher, admin; a caregiver on their own visits, not cancelled; audited)',
  StatusBody,
  DISPATCH_ROLES.status,
);
const pin = visitChange(
  '/visits/{id}/pin',
  'Pin a visit to its caregivers, and with `start` to that start, so re-planning keeps it; an assigned visit moved onto another visit of its caregivers is refused (409 naming it) (dispatcher, scheduler, admin; audited)',
  PinBody,
  DISPATCH_ROLES.plan,
);
const unpin = visitChange(
  '/visits/{id}/unpin',
  'Unpin a visit, clearing its pinned start (dispatcher, scheduler, admin; audited)',
  VersionBody,
  DISPATCH_ROLES.plan,
);

type Ctx = Context<AppEnv>;

/** The shared path of the version-checked visit changes (role and scope checked before). */
function changeVisit(
  c: Ctx,
  change: (deps: ReturnType<typeof servicesOf>, actor: CommandActor) => Promise<VisitState>,
): Promise<VisitState> {
  // The command writes the audit row in its transaction.
  return withFields(PATH_ID, () => change(servicesOf(c), commandActor(c)));
}

export const dispatchVisitRoutes = createRouter()
  .openapi(urgent, async (c) => {
    const p = requireRole(c, DISPATCH_ROLES.dispatch);
    emergencyReason(c);
    const input = c.req.valid('json');
    const db = c.get('deps').database.db;
    // An unknown code is the service's 404; a known one outside the scope is refused here.
    if (await municipalityExists(db, input.municipality))
      assertMunicipalityAllowed(p, input.municipality, 'body.municipality');
    const result = await registerUrgentVisit(servicesOf(c), commandActor(c), input);
    return c.json(result, 201);
  })
  .openapi(assign, async (c) => {
    requireRole(c, DISPATCH_ROLES.plan);
    emergencyReason(c);
    const { id } = c.req.valid('param');
    const input = { ...(c.req.valid('json') as z.infer<typeof AssignBody>), visitId: id };
    const v = await visitInScope(c, id);
    // One route for both: an assigned visit moves to the new caregivers. The version check
    // inside the service decides any race with a concurrent change.
    const reassign = v.status === 'assigned';
    const state = await changeVisit(c, (d, actor) =>
      reassign ? reassignVisit(d, actor, input) : assignVisit(d, actor, input),
    );
    return c.json(state, 200);
  })
  .openapi(unassign, async (c) => {
    requireRole(c, DISPATCH_ROLES.plan);
    emergencyReason(c);
    const { id } = c.req.valid('param');
    const input = { ...(c.req.valid('json') as z.infer<typeof VersionBody>), visitId: id };
    await visitInScope(c, id);
    return c.json(await changeVisit(c, (d, actor) => unassignVisit(d, actor, input)), 200);
  })
  .openapi(status, async (c) => {
    const p = requireRole(c, DISPATCH_ROLES.status);
    emergencyReason(c);
    const { id } = c.req.valid('param');
    const input = { ...(c.req.valid('json') as z.infer<typeof StatusBody>), visitId: id };
    await visitInScope(c, id);
    if (
      p.role === 'caregiver' &&
      !(CAREGIVER_STATUSES as readonly string[]).includes(input.status)
    ) {
      throw new AppError(403, 'forbidden', `A caregiver may not set the status ${input.status}`, [
        { field: 'body.status', message: `one of ${CAREGIVER_STATUSES.join(', ')}` },
      ]);
    }
    return c.json(await changeVisit(c, (d, actor) => updateVisitStatus(d, actor, input)), 200);
  })
  .openapi(pin, async (c) => {
    requireRole(c, DISPATCH_ROLES.plan);
    emergencyReason(c);
    const { id } = c.req.valid('param');
    const input = { ...(c.req.valid('json') as z.infer<typeof PinBody>), visitId: id };
    await visitInScope(c, id);
    return c.json(await changeVisit(c, (d, actor) => pinVisit(d, actor, input)), 200);
  })
  .openapi(unpin, async (c) => {
    requireRole(c, DISPATCH_ROLES.plan);
    emergencyReason(c);
    const { id } = c.req.valid('param');
    const input = { ...(c.req.valid('json') as z.infer<typeof VersionBody>), visitId: id };
    await visitInScope(c, id);
    return c.json(await changeVisit(c, (d, actor) => unpinVisit(d, actor, input)), 200);
  });
