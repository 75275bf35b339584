import { createRoute } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import { audit, commandActor } from '../audit/http.ts';
import type { Role } from '../auth/principal.ts';
import { assertMunicipalityAllowed, dataScope, principalOf, roleGate } from '../auth/scope.ts';
import { notFound } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { IdParam, errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { DateTime } from 'luxon';
import { ZONE } from '../domain/stockholm-time.ts';
import {
  caseMessages,
  closedSince,
  dischargedStays,
  getCase,
  listOpenCases,
} from './case-queries.ts';
import { LEAD_TIME_DAYS, leadTime } from './lead-time.ts';
import {
  CaseQuery,
  ConfirmVisitsBody,
  ConfirmedVisits,
  DischargeCaseDetail,
  DischargeCaseList,
  DischargeSummary,
} from './case-schemas.ts';
import { type ClosedCase, summarise } from './case-summary.ts';
import { dischargeClock } from './discharge-clock.ts';
import { byUrgency, caseView, proposedOf, timelineView } from './case-view.ts';
import { confirmVisits } from './confirm-visits.ts';
import { liabilityRules } from './liability-settings.ts';

/** Who follows discharges: those who plan, dispatch and manage. Caregivers do not. */
export const DISCHARGE_READERS: readonly Role[] = ['dispatcher', 'scheduler', 'manager', 'admin'];
/** Who confirms first visits: those who plan them. */
export const DISCHARGE_PLANNERS: readonly Role[] = ['scheduler', 'dispatcher', 'admin'];

const list = createRoute({
  method: 'get',
  path: '/cases',
  tags: ['Discharge'],
  summary:
    'Open discharge cases in your scope, those costing money first, then by days left before payment liability (audited per patient)',
  security: bearer,
  request: { query: CaseQuery },
  responses: {
    200: {
      description: 'Open cases with their clock',
      content: { 'application/json': { schema: DischargeCaseList } },
    },
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
  middleware: roleGate(DISCHARGE_READERS),
});

const summary = createRoute({
  method: 'get',
  path: '/summary',
  tags: ['Discharge'],
  summary:
    'The open cases in figures (open, costing now, liable tomorrow, cost so far; this month’s cost with the cases closed this month): counts only, no patient, so not audited per patient',
  security: bearer,
  request: { query: CaseQuery },
  responses: {
    200: {
      description: 'The figures',
      content: { 'application/json': { schema: DischargeSummary } },
    },
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
  middleware: roleGate(DISCHARGE_READERS),
});

const one = createRoute({
  method: 'get',
  path: '/cases/{id}',
  tags: ['Discharge'],
  summary: 'One case with its timeline, clock and proposed first visits (audited)',
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'The case',
      content: { 'application/json': { schema: DischargeCaseDetail } },
    },
    400: errorResponse('Bad id'),
    ...authResponses,
    404: errorResponse('No such case in your scope'),
  },
  middleware: roleGate(DISCHARGE_READERS),
});

const confirm = createRoute({
  method: 'post',
  path: '/cases/{id}/visits/confirm',
  tags: ['Discharge'],
  summary:
    'Confirm the first visits of the discharge day (as proposed, or edited): they become visits with source discharge in the live queue',
  security: bearer,
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: ConfirmVisitsBody } } },
  },
  responses: {
    200: {
      description: 'The visits created',
      content: { 'application/json': { schema: ConfirmedVisits } },
    },
    400: errorResponse('Bad visit: the field is named'),
    ...authResponses,
    404: errorResponse('No such case in your scope'),
    409: errorResponse('Already confirmed, or the case is cancelled'),
    422: errorResponse('Nothing proposed to confirm'),
  },
  middleware: roleGate(DISCHARGE_PLANNERS),
});

export const dischargeCaseRoutes = createRouter()
  .openapi(list, async (c) => {
    const { municipality } = c.req.valid('query');
    const p = principalOf(c);
    const deps = c.get('deps');
    const db = deps.database.db;
    if (municipality) {
      await assertMunicipality(db, municipality, 'query.municipality');
      assertMunicipalityAllowed(p, municipality, 'query.municipality');
    }
    const { rows, items } = await openCaseViews(db, municipality, dataScope(p), deps.now());
    await audit(c, 'discharge.list', rows.map(subject), null);
    return c.json({ items }, 200);
  })
  .openapi(summary, async (c) => {
    const { municipality } = c.req.valid('query');
    const p = principalOf(c);
    const deps = c.get('deps');
    const db = deps.database.db;
    if (municipality) {
      await assertMunicipality(db, municipality, 'query.municipality');
      assertMunicipalityAllowed(p, municipality, 'query.municipality');
    }
    const now = deps.now();
    const [{ items }, stays, closed] = await Promise.all([
      openCaseViews(db, municipality, dataScope(p), now),
      dischargedStays(
        db,
        municipality,
        dataScope(p),
        new Date(now.getTime() - LEAD_TIME_DAYS * 86_400_000),
      ),
      closedThisMonth(db, municipality, dataScope(p), now),
    ]);
    return c.json({ ...summarise(items, now, closed), leadTime: leadTime(stays) }, 200);
  })
  .openapi(one, async (c) => {
    const p = principalOf(c);
    const deps = c.get('deps');
    const db = deps.database.db;
    const row = await getCase(db, c.req.valid('param').id, dataScope(p));
    if (!row) throw notFound('Case', 'path.id');
    const [messages, rule] = await Promise.all([
      caseMessages(db, row.id),
      liabilityRules(db, [row.municipalityCode]),
    ]);
    await audit(c, 'discharge.read', [subject(row)], null);
    return c.json(
      {
        ...caseView(row, rule(row.municipalityCode, row.careType), deps.now()),
        personalNumber: row.personalNumber,
        timeline: timelineView(messages),
        proposedVisits: proposedOf(row),
      },
      200,
    );
  })
  .openapi(confirm, async (c) => {
    const p = principalOf(c);
    const deps = c.get('deps');
    const id = c.req.valid('param').id;
    if (!(await getCase(deps.database.db, id, dataScope(p)))) throw notFound('Case', 'path.id');
    const result = await confirmVisits(
      { db: deps.database.db, bus: deps.bus, now: deps.now },
      commandActor(c),
      id,
      c.req.valid('json').visits,
    );
    return c.json(result, 200);
  });

/** The open cases in scope with their clock now, most urgent first. */
async function openCaseViews(
  db: Db,
  municipality: string | undefined,
  scope: ReturnType<typeof dataScope>,
  now: Date,
) {
  const rows = await listOpenCases(db, municipality, scope);
  const rule = await liabilityRules(db, [...new Set(rows.map((r) => r.municipalityCode))]);
  const items = rows
    .map((r) => caseView(r, rule(r.municipalityCode, r.careType), now))
    .sort(byUrgency);
  return { rows, items };
}

/** The cases closed since this Stockholm month began, with their stopped clocks. */
async function closedThisMonth(
  db: Db,
  municipality: string | undefined,
  scope: ReturnType<typeof dataScope>,
  now: Date,
): Promise<ClosedCase[]> {
  const monthStart = DateTime.fromJSDate(now, { zone: ZONE }).startOf('month').toJSDate();
  const rows = await closedSince(db, municipality, scope, monthStart);
  const rule = await liabilityRules(db, [...new Set(rows.map((r) => r.municipalityCode))]);
  return rows.map((r) => ({
    clock: dischargeClock({ ...r, now }, rule(r.municipalityCode, r.careType)),
    dischargedAt: r.dischargedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  }));
}

const subject = (r: { patientId: string; municipalityCode: string }) => ({
  patientId: r.patientId,
  municipalityCode: r.municipalityCode,
});
