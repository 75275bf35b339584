import { createRoute, z } from '@hono/zod-openapi';
import { audit } from '../audit/http.ts';
import { inMunicipalityScope } from '../auth/principal.ts';
import {
  assertMunicipalityAllowed,
  emergencyReason,
  requireRole,
  roleGate,
} from '../auth/scope.ts';
import { acceptRepair } from '../dispatch/accept-repair.ts';
import { lateRiskAlerts } from '../dispatch/late-risk.ts';
import { reportPosition } from '../dispatch/positions.ts';
import { reportSick } from '../dispatch/report-sick.ts';
import {
  AcceptRepairInput,
  POSITION_STATUSES,
  ReportPositionInput,
  ReportSickInput,
} from '../dispatch/schemas.ts';
import { notFound } from '../errors.ts';
import { createRouter } from '../openapi/router.ts';
import { IdParam, MunicipalityCode } from '../schemas/common.ts';
import { authResponses, bearer } from '../schemas/security.ts';
import { assertMunicipality } from '../services/municipalities.ts';
import { toLocalIso } from '../time/stockholm.ts';
import {
  DISPATCH_ROLES,
  VisitStateSchema,
  conflictResponse,
  errorResponse,
  json,
  refuseEmergency,
  servicesOf,
  staffInScope,
  subject,
  subjectsOfVisits,
  withFields,
} from './dispatch-common.ts';

const PATH_STAFF = { 'body.staffId': 'path.id' };

const PositionBody = ReportPositionInput.omit({ staffId: true }).strict().openapi('ReportPosition');
const SickBody = ReportSickInput.omit({ staffId: true }).strict().openapi('ReportSick');
const AcceptBody = AcceptRepairInput.omit({ proposalId: true }).strict().openapi('AcceptRepair');
const ProposalParam = z.object({
  proposalId: AcceptRepairInput.shape.proposalId.openapi({
    param: { name: 'proposalId', in: 'path' },
  }),
});
const LateRiskQuery = z.object({ municipality: MunicipalityCode });

const PositionSchema = z
  .object({
    staffId: z.string(),
    municipalityCode: z.string(),
    lat: z.number(),
    lon: z.number(),
    at: z.string(),
    atLocal: z.string(),
    status: z.enum(POSITION_STATUSES),
    logged: z.boolean().openapi({
      description: 'Whether this fix also became a staff.position event (one a minute at most)',
    }),
  })
  .openapi('StaffPosition');

const ProposalSchema = z
  .object({
    id: z.string(),
    municipalityCode: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    assignments: z.array(
      z.object({
        visitId: z.string(),
        expectedVersion: z.number().int(),
        staffIds: z.array(z.string()),
        plannedStart: z.string(),
        plannedStartLocal: z.string(),
        previousStaffIds: z.array(z.string()),
      }),
    ),
    unplaced: z.array(z.object({ visitId: z.string(), reason: z.string() })),
  })
  .openapi('RepairProposal');

const LateRiskSchema = z
  .object({
    visitId: z.string(),
    staffId: z.string(),
    version: z.number().int(),
    eta: z.string(),
    etaLocal: z.string(),
    windowEnd: z.string(),
    windowEndLocal: z.string(),
    lateBySeconds: z.number(),
  })
  .openapi('LateRiskAlert');

const body = <T extends z.ZodTypeAny>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const position = createRoute({
  method: 'post',
  path: '/staff/{id}/position',
  middleware: roleGate(DISPATCH_ROLES.position),
  tags: ['Dispatch'],
  summary: "A caregiver's position (the caregiver themselves, dispatcher, admin)",
  security: bearer,
  request: { params: IdParam, ...body(PositionBody) },
  responses: {
    200: json('The position as stored', PositionSchema),
    400: errorResponse('Invalid position'),
    ...authResponses,
    404: errorResponse('No such active caregiver in your scope'),
    415: errorResponse('Not JSON'),
  },
});

const sick = createRoute({
  method: 'post',
  path: '/staff/{id}/sick',
  middleware: roleGate(DISPATCH_ROLES.dispatch),
  tags: ['Dispatch'],
  summary:
    'A caregiver calls in sick or leaves early: their coming visits are released and a repair is proposed (dispatcher, admin; audited)',
  security: bearer,
  request: { params: IdParam, ...body(SickBody) },
  responses: {
    200: json(
      'The released visits and a repair proposal to accept',
      z.object({ releasedVisitIds: z.array(z.string()), proposal: ProposalSchema }),
    ),
    400: errorResponse('Invalid request'),
    ...authResponses,
    404: errorResponse('No such caregiver in your scope'),
    415: errorResponse('Not JSON'),
  },
});

const accept = createRoute({
  method: 'post',
  path: '/repairs/{proposalId}/accept',
  middleware: roleGate(DISPATCH_ROLES.dispatch),
  tags: ['Dispatch'],
  summary:
    'Apply a repair proposal, all of it or the visits named, in one transaction (dispatcher, admin; audited)',
  security: bearer,
  request: { params: ProposalParam, ...body(AcceptBody) },
  responses: {
    200: json(
      'The visits as they are now',
      z.object({ proposalId: z.string(), accepted: z.array(VisitStateSchema) }),
    ),
    400: errorResponse('Invalid request, or a visit not in the proposal'),
    ...authResponses,
    404: errorResponse('No such proposal in your scope (they expire after 15 minutes)'),
    409: conflictResponse('A visit changed since the proposal (with its current state)'),
    415: errorResponse('Not JSON'),
    422: errorResponse('A caregiver no longer passes the assignment checks'),
  },
});

const lateRisks = createRoute({
  method: 'get',
  path: '/late-risks',
  middleware: roleGate(DISPATCH_ROLES.watch),
  tags: ['Dispatch'],
  summary:
    'Visits that will start after their window at the pace the routes now allow (dispatcher, scheduler, manager, admin; audited)',
  security: bearer,
  request: { query: LateRiskQuery },
  responses: {
    200: json(
      'Alerts, earliest first',
      z.object({ municipality: z.string(), alerts: z.array(LateRiskSchema) }),
    ),
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

export const dispatchStaffRoutes = createRouter()
  .openapi(position, async (c) => {
    requireRole(c, DISPATCH_ROLES.position);
    emergencyReason(c);
    const { id } = c.req.valid('param');
    const who = await staffInScope(c, id);
    const input = { ...c.req.valid('json'), staffId: id };
    const { position: p, logged } = await withFields(PATH_STAFF, () =>
      reportPosition(servicesOf(c), input, who),
    );
    return c.json(
      {
        staffId: p.staffId,
        municipalityCode: p.municipalityCode,
        lat: p.lat,
        lon: p.lon,
        at: p.at.toISOString(),
        atLocal: toLocalIso(p.at),
        status: p.status,
        logged,
      },
      200,
    );
  })
  .openapi(sick, async (c) => {
    requireRole(c, DISPATCH_ROLES.dispatch);
    emergencyReason(c);
    const { id } = c.req.valid('param');
    await staffInScope(c, id);
    const input = { ...c.req.valid('json'), staffId: id };
    const result = await withFields(PATH_STAFF, () => reportSick(servicesOf(c), input));
    await audit(c, 'visit.release', await subjectsOfVisits(c, result.releasedVisitIds), null);
    return c.json(result, 200);
  })
  .openapi(accept, async (c) => {
    const p = requireRole(c, DISPATCH_ROLES.dispatch);
    emergencyReason(c);
    const { proposalId } = c.req.valid('param');
    const deps = servicesOf(c);
    const proposal = await deps.proposals.get(proposalId, deps.now());
    if (!proposal || !inMunicipalityScope(p, proposal.municipalityCode))
      throw notFound('Repair proposal', 'path.proposalId');
    const result = await withFields({ 'body.proposalId': 'path.proposalId' }, () =>
      acceptRepair(deps, { ...c.req.valid('json'), proposalId }),
    );
    await audit(c, 'visit.assign', result.accepted.map(subject), null);
    return c.json(result, 200);
  })
  .openapi(lateRisks, async (c) => {
    const p = requireRole(c, DISPATCH_ROLES.watch);
    refuseEmergency(c);
    const { municipality } = c.req.valid('query');
    const db = c.get('deps').database.db;
    await assertMunicipality(db, municipality, 'query.municipality');
    assertMunicipalityAllowed(p, municipality, 'query.municipality');
    const alerts = await lateRiskAlerts(servicesOf(c), municipality);
    await audit(
      c,
      'visit.late_risks',
      await subjectsOfVisits(
        c,
        alerts.map((a) => a.visitId),
      ),
      null,
    );
    return c.json({ municipality, alerts }, 200);
  });
