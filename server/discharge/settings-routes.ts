import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Role } from '../auth/principal.ts';
import { assertMunicipalityAllowed, principalOf, roleGate } from '../auth/scope.ts';
import { json, refuseEmergency } from '../http/dispatch-scope.ts';
import { AppError } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import {
  LAW_WITHOUT_AGREEMENT,
  type LiabilitySettings,
  STOCKHOLM_AGREEMENT,
  readLiabilitySettings,
} from './liability-settings.ts';
import { saveLiabilitySettings } from './save-liability-settings.ts';
import {
  LiabilitySettingsParams,
  LiabilitySettingsSchema,
  PutLiabilitySettingsBody,
} from './settings-schemas.ts';

/** Who reads the liability rules: those who plan around them and those who answer for them. */
export const LIABILITY_READERS: readonly Role[] = ['scheduler', 'manager', 'admin'];
/** Who changes them: the municipality's manager, and the admin. */
export const LIABILITY_WRITERS: readonly Role[] = ['manager', 'admin'];

const TAGS = ['Discharge'];

const get = createRoute({
  method: 'get',
  path: '/{municipality}/settings',
  middleware: roleGate(LIABILITY_READERS),
  tags: TAGS,
  summary:
    "A municipality's payment-liability rules per care type, with the Stockholm agreement's defaults and the law's rule (scheduler, manager, admin)",
  security: bearer,
  request: { params: LiabilitySettingsParams },
  responses: {
    200: json('The rules in force (the defaults when none were saved)', LiabilitySettingsSchema),
    400: errorResponse('Invalid municipality code'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

const put = createRoute({
  method: 'put',
  path: '/{municipality}/settings',
  middleware: roleGate(LIABILITY_WRITERS),
  tags: TAGS,
  summary:
    "Save a municipality's payment-liability rules (manager, admin): every open case's clock is computed with them from now on",
  description:
    'Both care types, every field. Out of bounds, missing or unknown fields: a 400 naming the field, nothing saved. Audited (`discharge.settings.update`) and announced on the live feed (`discharge.settings_changed`). A manager limited to some teams may not change them: they apply to the whole municipality.',
  security: bearer,
  request: {
    params: LiabilitySettingsParams,
    body: {
      required: true,
      content: { 'application/json': { schema: PutLiabilitySettingsBody } },
    },
  },
  responses: {
    200: json('The rules now in force', LiabilitySettingsSchema),
    400: errorResponse('A value out of bounds, missing or unknown (named)'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
    415: errorResponse('Not JSON'),
  },
});

/** The municipality in the path: 403 outside the user's scope, 404 when there is none. */
async function inScope(c: Context<AppEnv>, code: string): Promise<void> {
  assertMunicipalityAllowed(principalOf(c), code, 'path.municipality');
  await assertMunicipality(c.get('deps').database.db, code, 'path.municipality');
}

const view = (municipality: string, s: LiabilitySettings) => ({
  municipality,
  somatic: s.somatic,
  psychiatric: s.psychiatric,
  defaults: STOCKHOLM_AGREEMENT,
  law: LAW_WITHOUT_AGREEMENT,
  updatedAt: s.updatedAt?.toISOString() ?? null,
});

export const dischargeSettingsRoutes = createRouter()
  .openapi(get, async (c) => {
    const { municipality } = c.req.valid('param');
    await inScope(c, municipality);
    const s = await readLiabilitySettings(c.get('deps').database.db, municipality);
    return c.json(view(municipality, s), 200);
  })
  .openapi(put, async (c) => {
    const p = principalOf(c);
    refuseEmergency(c);
    const { municipality } = c.req.valid('param');
    await inScope(c, municipality);
    if (p.role !== 'admin' && p.teams.length > 0) {
      throw new AppError(403, 'forbidden', 'The settings apply to the whole municipality', [
        { field: 'path.municipality', message: 'your scope is limited to your teams' },
      ]);
    }
    const deps = c.get('deps');
    const db = deps.database.db;
    await saveLiabilitySettings(
      { db, bus: deps.bus, now: deps.now },
      { principal: p, requestId: c.get('requestId') },
      municipality,
      c.req.valid('json'),
    );
    return c.json(view(municipality, await readLiabilitySettings(db, municipality)), 200);
  });
