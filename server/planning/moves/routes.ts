import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { commandActor } from '../../audit/http.ts';
import { json } from '../../http/dispatch-scope.ts';
import { createRouter } from '../../http/router.ts';
import { errorResponse } from '../../http/schemas.ts';
import { authResponses, bearer } from '../../http/security-schemas.ts';
import { PLANNING_ROLES, jobInScope } from '../jobs/routes.ts';
import { JobIdParam, jobView } from '../jobs/schemas.ts';
import { applyMove } from './apply-move.ts';
import { priceMove } from './price-move.ts';
import { proposalRoutes } from './proposal-routes.ts';
import {
  MoveAppliedSchema,
  MoveBody,
  MovePreviewSchema,
  ProposalRoutesSchema,
  moveView,
} from './schemas.ts';
import { roleGate } from '../../auth/scope.ts';

const TAGS = ['Planning'];
const body = { required: true, content: { 'application/json': { schema: MoveBody } } };
const refused = {
  400: errorResponse(
    'Invalid move, or one that breaks a rule no scheduler may override (named: qualification, excluded, pinned, two_person, locked_time)',
  ),
  ...authResponses,
  404: errorResponse('No such job in your scope'),
  409: errorResponse('The job is not done, is already published, or the day changed since'),
  415: errorResponse('Not JSON'),
};

const preview = createRoute({
  method: 'post',
  path: '/jobs/{id}/moves/preview',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary:
    "Price a move in a done job's proposal with the solver's evaluation and the municipality's planning settings, changing nothing: the cost delta by travel, lateness and continuity, and the time rules it would break (scheduler, admin)",
  security: bearer,
  request: { params: JobIdParam, body },
  responses: { 200: json('What the move would change', MovePreviewSchema), ...refused },
});

const apply = createRoute({
  method: 'post',
  path: '/jobs/{id}/moves',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary:
    "Make a move in a done job's proposal, so publishing publishes the edited plan; the municipality's live feed gets planning.moved (scheduler, admin; audited)",
  security: bearer,
  request: { params: JobIdParam, body },
  responses: {
    200: json('The job with the edited proposal, and the move', MoveAppliedSchema),
    ...refused,
  },
});

const routes = createRoute({
  method: 'get',
  path: '/jobs/{id}/routes',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary:
    "A done job's proposal as the timeline draws it: the shifts of the day, and per caregiver the travel before each visit and the breaks, as the solver times the routes (scheduler, admin; no patient data)",
  security: bearer,
  request: { params: JobIdParam },
  responses: {
    200: json('The proposal as routes', ProposalRoutesSchema),
    400: errorResponse('Invalid id'),
    ...authResponses,
    404: errorResponse('No such job in your scope'),
    409: errorResponse('The job is not done, is already published, or the day changed since'),
  },
});

const travelOf = (c: Context<AppEnv>) => c.get('deps').travel;

export const planningMoveRoutes = createRouter()
  .openapi(routes, async (c) => {
    const job = await jobInScope(c, c.req.valid('param').id);
    return c.json(await proposalRoutes(c.get('deps').database.db, travelOf(c), job), 200);
  })
  .openapi(preview, async (c) => {
    const job = await jobInScope(c, c.req.valid('param').id);
    const move = await priceMove(c.get('deps').database.db, travelOf(c), job, c.req.valid('json'));
    return c.json(moveView(move), 200);
  })
  .openapi(apply, async (c) => {
    const { id } = c.req.valid('param');
    await jobInScope(c, id);
    const d = c.get('deps');
    const out = await applyMove(
      { db: d.database.db, bus: d.bus, now: d.now, travel: d.travel },
      commandActor(c),
      id,
      c.req.valid('json'),
    );
    return c.json({ job: jobView(out.job), move: moveView(out.move) }, 200);
  });
