import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { commandActor } from '../../audit/http.ts';
import { type Role, inMunicipalityScope } from '../../auth/principal.ts';
import { assertMunicipalityAllowed, requireRole, roleGate } from '../../auth/scope.ts';
import { json, refuseEmergency } from '../../http/dispatch-scope.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { createRouter } from '../../http/router.ts';
import { errorResponse } from '../../http/schemas.ts';
import { authResponses, bearer } from '../../http/security-schemas.ts';
import { createJob } from './create-job.ts';
import { publishProgress } from './progress-events.ts';
import { publishJob } from './publish.ts';
import { type JobRow, cancelJob, getJob } from './queue.ts';
import {
  CreateJobBody,
  DayParams,
  JobIdParam,
  JobSchema,
  PublishResultSchema,
  jobView,
} from './schemas.ts';

/** Who plans a day: schedulers (planerare) and admins. */
export const PLANNING_ROLES: readonly Role[] = ['scheduler', 'admin'];

const TAGS = ['Planning'];
const body = { required: false, content: { 'application/json': { schema: CreateJobBody } } };

const create = createRoute({
  method: 'post',
  path: '/{municipality}/days/{date}/jobs',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary:
    "Plan a municipality's service day (or one team's) in the background with a time budget; one job per municipality and day at a time (scheduler, admin)",
  security: bearer,
  request: { params: DayParams, body },
  responses: {
    202: json(
      'The job, queued; follow it with GET /api/planning/jobs/{id} or the live feed',
      JobSchema,
    ),
    400: errorResponse('Invalid request, or a date in the past'),
    ...authResponses,
    404: errorResponse('Unknown municipality or team'),
    409: errorResponse('A job is already queued or running for this municipality and day (named)'),
    415: errorResponse('Not JSON'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary:
    'A planning job: its status, progress and, once done, the proposed plan (scheduler, admin)',
  security: bearer,
  request: { params: JobIdParam },
  responses: {
    200: json('The job', JobSchema),
    400: errorResponse('Invalid id'),
    ...authResponses,
    404: errorResponse('No such job in your scope'),
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/jobs/{id}/cancel',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary: 'Cancel a queued or running planning job; the day is not changed (scheduler, admin)',
  security: bearer,
  request: { params: JobIdParam },
  responses: {
    200: json('The job, cancelled', JobSchema),
    400: errorResponse('Invalid id'),
    ...authResponses,
    404: errorResponse('No such job in your scope'),
    409: errorResponse('The job has already finished'),
  },
});

const publish = createRoute({
  method: 'post',
  path: '/jobs/{id}/publish',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary:
    "Publish a done job's plan as the day's assignments, in one transaction; refused when the day changed since it was planned (scheduler, admin; audited)",
  security: bearer,
  request: { params: JobIdParam },
  responses: {
    200: json('The job, published, and how many visits got their caregivers', PublishResultSchema),
    400: errorResponse('Invalid id'),
    ...authResponses,
    404: errorResponse('No such job in your scope'),
    409: errorResponse(
      'Not done, already published, or the day changed since the plan was made (what changed, per visit or shift)',
    ),
  },
});

/** The job named in the path, if in the user's municipalities (else 404, as for visits). */
export async function jobInScope(c: Context<AppEnv>, id: string): Promise<JobRow> {
  const p = requireRole(c, PLANNING_ROLES);
  const job = await getJob(c.get('deps').database.db, id);
  if (!job || !inMunicipalityScope(p, job.municipalityCode))
    throw notFound('Planning job', 'path.id');
  return job;
}

const commandDeps = (c: Context<AppEnv>) => {
  const d = c.get('deps');
  return { db: d.database.db, bus: d.bus, now: d.now };
};

export const planningJobRoutes = createRouter()
  .openapi(create, async (c) => {
    const p = requireRole(c, PLANNING_ROLES);
    refuseEmergency(c);
    const { municipality, date } = c.req.valid('param');
    assertMunicipalityAllowed(p, municipality, 'path.municipality');
    // No body at all: the defaults.
    const input = CreateJobBody.parse(c.req.valid('json') ?? {});
    const deps = c.get('deps');
    const job = await createJob({ db: deps.database.db, now: deps.now }, p, {
      municipality,
      date,
      ...input,
    });
    await publishProgress(commandDeps(c), job, 'queued', null);
    deps.planning.wake();
    return c.json(jobView(job), 202);
  })
  .openapi(get, async (c) => {
    const job = await jobInScope(c, c.req.valid('param').id);
    return c.json(jobView(job), 200);
  })
  .openapi(cancel, async (c) => {
    const { id } = c.req.valid('param');
    await jobInScope(c, id);
    const deps = c.get('deps');
    const out = await cancelJob(deps.database.db, id, deps.now());
    if (!out) throw notFound('Planning job', 'path.id');
    if (!out.cancelled) {
      throw new AppError(409, 'conflict', `The job has already finished: ${out.row.status}`, [
        { field: 'path.id', message: `job is ${out.row.status}` },
      ]);
    }
    deps.planning.cancelLocal(id);
    await publishProgress(
      commandDeps(c),
      out.row,
      'cancelled',
      (out.row.progress as never) ?? null,
    );
    return c.json(jobView(out.row), 200);
  })
  .openapi(publish, async (c) => {
    const { id } = c.req.valid('param');
    await jobInScope(c, id);
    const result = await publishJob(commandDeps(c), commandActor(c), id);
    return c.json({ job: jobView(result.job), assigned: result.assigned }, 200);
  });
