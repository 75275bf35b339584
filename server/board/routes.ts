import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { audit } from '../audit/http.ts';
import { principalOf, roleGate } from '../auth/scope.ts';
import { todayLocal } from '../domain/stockholm-time.ts';
import { historyStatus } from '../demo/history/history-status.ts';
import { createRouter } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { BOARD_ROLES, boardTarget } from './board-access.ts';
import { countyCsv, economicsCsv, figuresCsv, trendsCsv } from './board-csv.ts';
import { boardFigures } from './board-figures.ts';
import { continuityWindow } from './continuity.ts';
import { countyComparison } from './county.ts';
import { EXPIRY_HORIZON_DAYS, delegationsExpiring } from './delegations-expiring.ts';
import { ROLLUPS } from './figure-queries.ts';
import { MAX_PERIOD_DAYS, parsePeriod } from './period.ts';
import {
  BoardFiguresSchema,
  BoardQuery,
  CountyQuery,
  CountySchema,
  EconomicsSchema,
  ExpiringDelegationsSchema,
  HistoryStatusSchema,
  MunicipalityParam,
  PatientContinuitySchema,
  TeamOnlyQuery,
  TrendsSchema,
} from './schemas.ts';
import { trends } from './trends.ts';
import { z } from '@hono/zod-openapi';

const CSV = { 'text/csv': { schema: z.string() } };
const BAD = `Bad input, the field named: a date that does not exist, \`from\` after \`to\`, a period over ${MAX_PERIOD_DAYS} days, a malformed team`;
const common = {
  tags: ['Board'],
  security: bearer,
  middleware: roleGate(BOARD_ROLES),
};
const errors = {
  400: errorResponse(BAD),
  ...authResponses,
  404: errorResponse('Unknown municipality, or no such team in it'),
};

const figures = createRoute({
  ...common,
  method: 'get',
  path: '/{municipality}/figures',
  summary:
    "The manager's board tiles over a period (aggregates: no patient data, no audit row). Continuity covers the 14 days ending on `to`",
  request: { params: MunicipalityParam, query: BoardQuery },
  responses: {
    200: {
      description: 'The figures (format=csv: one figure per row)',
      content: { 'application/json': { schema: BoardFiguresSchema }, ...CSV },
    },
    ...errors,
  },
});

const trendRoute = createRoute({
  ...common,
  method: 'get',
  path: '/{municipality}/trends',
  summary: 'The figures per local day of the period, for the trend charts and their tables',
  request: { params: MunicipalityParam, query: BoardQuery },
  responses: {
    200: {
      description: 'One entry per day, every day of the period',
      content: { 'application/json': { schema: TrendsSchema }, ...CSV },
    },
    ...errors,
  },
});

const county = createRoute({
  ...common,
  method: 'get',
  path: '/county',
  summary: 'The municipalities of your scope compared (all 26 for the admin)',
  request: { query: CountyQuery },
  responses: {
    200: {
      description: 'One row per municipality, by code',
      content: { 'application/json': { schema: CountySchema }, ...CSV },
    },
    400: errorResponse(BAD),
    ...authResponses,
  },
});

const economicsRoute = createRoute({
  ...common,
  method: 'get',
  path: '/{municipality}/economics',
  summary:
    'Per month: staff hours by profession, travel, visits by kind and by care setting (the cost negotiation figures)',
  request: { params: MunicipalityParam, query: BoardQuery },
  responses: {
    200: {
      description: 'One entry per month of the period',
      content: { 'application/json': { schema: EconomicsSchema }, ...CSV },
    },
    ...errors,
  },
});

const expiring = createRoute({
  ...common,
  method: 'get',
  path: '/{municipality}/delegations-expiring',
  summary: `Delegations in force that end within ${EXPIRY_HORIZON_DAYS} days, soonest first (a patient-bound one names the patient: audited)`,
  request: { params: MunicipalityParam, query: TeamOnlyQuery },
  responses: {
    200: {
      description: 'The delegations',
      content: { 'application/json': { schema: ExpiringDelegationsSchema } },
    },
    ...errors,
  },
});

const patientContinuity = createRoute({
  ...common,
  method: 'get',
  path: '/{municipality}/continuity/patients',
  summary:
    'Each patient who counts for the continuity figure, with their number of caregivers: patient data, every patient returned is audited',
  request: { params: MunicipalityParam, query: BoardQuery.omit({ from: true, format: true }) },
  responses: {
    200: {
      description: 'Patients, most caregivers first',
      content: { 'application/json': { schema: PatientContinuitySchema } },
    },
    ...errors,
  },
});

const history = createRoute({
  ...common,
  method: 'get',
  path: '/history',
  summary:
    "Whether the demo's past days are still being generated (in the background after start-up): the board says so while they are",
  responses: {
    200: {
      description: 'The state and how many days are written',
      content: { 'application/json': { schema: HistoryStatusSchema } },
    },
    ...authResponses,
  },
});

/** The scope of a municipality's request: checked municipality, team and period. */
async function scopeOf(
  c: Context<AppEnv>,
  municipality: string,
  q: { from?: string; to?: string; team?: string },
) {
  const deps = c.get('deps');
  const teamId = await boardTarget(deps.database.db, principalOf(c), municipality, q.team);
  const period = parsePeriod(q, todayLocal(deps.now()));
  return { municipalities: [municipality], teamId, period };
}

const csv = (c: Context<AppEnv>, body: string, name: string) =>
  c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.csv"`,
  });

export const boardRoutes = createRouter()
  .openapi(history, (c) => c.json(historyStatus(), 200))
  .openapi(figures, async (c) => {
    const { municipality } = c.req.valid('param');
    const q = c.req.valid('query');
    const s = await scopeOf(c, municipality, q);
    const f = await boardFigures(c.get('deps').database.db, s);
    if (q.format === 'csv')
      return csv(
        c,
        figuresCsv(f),
        `tavla-${municipality}-${s.period.from}-${s.period.to}`,
      ) as never;
    return c.json(f, 200);
  })
  .openapi(trendRoute, async (c) => {
    const { municipality } = c.req.valid('param');
    const q = c.req.valid('query');
    const s = await scopeOf(c, municipality, q);
    const days = await trends(c.get('deps').database.db, s);
    if (q.format === 'csv')
      return csv(
        c,
        trendsCsv(days),
        `trender-${municipality}-${s.period.from}-${s.period.to}`,
      ) as never;
    return c.json(
      { municipalityCode: municipality, teamId: s.teamId, period: s.period, days },
      200,
    );
  })
  .openapi(county, async (c) => {
    const q = c.req.valid('query');
    const deps = c.get('deps');
    const period = parsePeriod(q, todayLocal(deps.now()));
    const items = await countyComparison(deps.database.db, principalOf(c), period);
    if (q.format === 'csv')
      return csv(c, countyCsv(items), `lanet-${period.from}-${period.to}`) as never;
    return c.json({ period: { from: period.from, to: period.to, days: period.days }, items }, 200);
  })
  .openapi(economicsRoute, async (c) => {
    const { municipality } = c.req.valid('param');
    const q = c.req.valid('query');
    const s = await scopeOf(c, municipality, q);
    const db = c.get('deps').database.db;
    await ROLLUPS.prepare(db, s);
    const items = await ROLLUPS.economics(db, s);
    if (q.format === 'csv')
      return csv(
        c,
        economicsCsv(items),
        `ekonomi-${municipality}-${s.period.from}-${s.period.to}`,
      ) as never;
    const { from, to, days } = s.period;
    return c.json({ period: { from, to, days }, items }, 200);
  })
  .openapi(expiring, async (c) => {
    const { municipality } = c.req.valid('param');
    const q = c.req.valid('query');
    const deps = c.get('deps');
    const teamId = await boardTarget(deps.database.db, principalOf(c), municipality, q.team);
    const rows = await delegationsExpiring(deps.database.db, [municipality], teamId, deps.now());
    const named = rows.filter((r) => r.patientId !== null);
    await audit(
      c,
      'board.delegations',
      named.map((r) => ({ patientId: r.patientId!, municipalityCode: municipality })),
      null,
    );
    return c.json(
      {
        horizonDays: EXPIRY_HORIZON_DAYS,
        items: rows.map((r) => ({ ...r, validTo: r.validTo.toISOString() })),
      },
      200,
    );
  })
  .openapi(patientContinuity, async (c) => {
    const { municipality } = c.req.valid('param');
    const q = c.req.valid('query');
    const s = await scopeOf(c, municipality, q);
    const db = c.get('deps').database.db;
    await ROLLUPS.prepare(db, s);
    const rows = await ROLLUPS.continuityPatients(db, s);
    await audit(
      c,
      'board.continuity_patients',
      rows.map((r) => ({ patientId: r.patientId, municipalityCode: r.municipalityCode })),
      null,
    );
    const w = continuityWindow(s.period.to);
    return c.json(
      {
        window: { from: w.first, to: s.period.to },
        items: rows.map(({ municipalityCode: _m, ...r }) => r),
      },
      200,
    );
  });
