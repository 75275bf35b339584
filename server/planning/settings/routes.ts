import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { municipalities } from '../../../db/schema/index.ts';
import type { AppEnv } from '../../app-env.ts';
import { assertMunicipalityAllowed, requireRole, roleGate } from '../../auth/scope.ts';
import { json, refuseEmergency } from '../../http/dispatch-scope.ts';
import { AppError } from '../../http/errors.ts';
import { createRouter } from '../../http/router.ts';
import { errorResponse } from '../../http/schemas.ts';
import { authResponses, bearer } from '../../http/security-schemas.ts';
import { PLANNING_ROLES } from '../jobs/routes.ts';
import { PLANNING_DEFAULTS } from './defaults.ts';
import { type StoredSettings, readPlanningSettings } from './read-settings.ts';
import { PlanningSettingsSchema, PutSettingsBody, SettingsParams } from './schemas.ts';
import { writePlanningSettings } from './write-settings.ts';

const TAGS = ['Planning'];

const get = createRoute({
  method: 'get',
  path: '/{municipality}/settings',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary:
    "A municipality's planning settings: the cap on distinct caregivers per patient and the continuity weights, with their defaults (scheduler, admin)",
  security: bearer,
  request: { params: SettingsParams },
  responses: {
    200: json('The settings in force (the defaults when none were saved)', PlanningSettingsSchema),
    400: errorResponse('Invalid municipality code'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

const put = createRoute({
  method: 'put',
  path: '/{municipality}/settings',
  middleware: roleGate(PLANNING_ROLES),
  tags: TAGS,
  summary:
    "Save a municipality's planning settings; the next plan of its days uses them (scheduler, admin)",
  description:
    'The whole settings: a weight left out takes its default. Out of bounds or unknown fields: a 400 naming the field, nothing saved. A scheduler limited to some teams may read but not change them: they apply to the whole municipality.',
  security: bearer,
  request: {
    params: SettingsParams,
    body: { required: true, content: { 'application/json': { schema: PutSettingsBody } } },
  },
  responses: {
    200: json('The settings now in force', PlanningSettingsSchema),
    400: errorResponse('A value out of bounds or an unknown field (named)'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
    415: errorResponse('Not JSON'),
  },
});

/** The municipality in the path: 403 outside the user's scope, 404 when there is none. */
async function municipalityOf(c: Context<AppEnv>, code: string): Promise<void> {
  const p = requireRole(c, PLANNING_ROLES);
  assertMunicipalityAllowed(p, code, 'path.municipality');
  const [m] = await c
    .get('deps')
    .database.db.select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  if (!m) {
    throw new AppError(404, 'not_found', `Unknown municipality '${code}'`, [
      { field: 'path.municipality', message: 'no such municipality' },
    ]);
  }
}

const view = (municipality: string, s: StoredSettings) => ({
  municipality,
  maxDistinctCaregivers: s.maxDistinctCaregivers,
  weights: s.weights,
  defaults: PLANNING_DEFAULTS,
  updatedAt: s.updatedAt?.toISOString() ?? null,
});

export const planningSettingsRoutes = createRouter()
  .openapi(get, async (c) => {
    const { municipality } = c.req.valid('param');
    await municipalityOf(c, municipality);
    const s = await readPlanningSettings(c.get('deps').database.db, municipality);
    return c.json(view(municipality, s), 200);
  })
  .openapi(put, async (c) => {
    const p = requireRole(c, PLANNING_ROLES);
    refuseEmergency(c);
    const { municipality } = c.req.valid('param');
    await municipalityOf(c, municipality);
    if (p.role !== 'admin' && p.teams.length > 0) {
      throw new AppError(403, 'forbidden', 'The settings apply to the whole municipality', [
        { field: 'path.municipality', message: 'your scope is limited to your teams' },
      ]);
    }
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const db = deps.database.db;
    await writePlanningSettings(db, municipality, body, { userId: p.userId, now: deps.now() });
    return c.json(view(municipality, await readPlanningSettings(db, municipality)), 200);
  });
