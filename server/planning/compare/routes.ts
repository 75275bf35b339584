import { createRoute } from '@hono/zod-openapi';
import { json } from '../../http/dispatch-scope.ts';
import { AppError } from '../../http/errors.ts';
import { createRouter } from '../../http/router.ts';
import { errorResponse } from '../../http/schemas.ts';
import { authResponses, bearer } from '../../http/security-schemas.ts';
import { roleGate } from '../../auth/scope.ts';
import { JobIdParam } from '../jobs/schemas.ts';
import { PLANNING_ROLES, jobInScope } from '../jobs/routes.ts';
import { loadComparison } from './load-comparison.ts';
import { ComparisonSchema } from './schemas.ts';

const compare = createRoute({
  method: 'get',
  path: '/jobs/{id}/comparison',
  middleware: roleGate(PLANNING_ROLES),
  tags: ['Planning'],
  summary:
    "A done job's plan against the day as it is now, side by side: travel, continuity, contact share, arrivals, lateness, overtime, workload, and the unplaced visits with their reasons (scheduler, admin)",
  security: bearer,
  request: { params: JobIdParam },
  responses: {
    200: json('The figures of both plans and the visits left out', ComparisonSchema),
    400: errorResponse('Invalid id'),
    ...authResponses,
    404: errorResponse('No such job in your scope'),
    409: errorResponse('The job is not done: nothing to compare yet'),
  },
});

// Aggregate figures and visit ids only, as GET /jobs/{id}: no patient named, no audit row.
export const comparisonRoutes = createRouter().openapi(compare, async (c) => {
  const job = await jobInScope(c, c.req.valid('param').id);
  if (job.status !== 'done' || !job.result) {
    throw new AppError(409, 'conflict', `The job is ${job.status}: only a done job is compared`, [
      { field: 'path.id', message: `job is ${job.status}` },
    ]);
  }
  const deps = c.get('deps');
  return c.json(await loadComparison(deps.database.db, deps.travel, job), 200);
});
