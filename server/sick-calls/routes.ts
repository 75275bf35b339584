import { createRoute, z } from '@hono/zod-openapi';
import { commandActor } from '../audit/http.ts';
import { inMunicipalityScope } from '../auth/principal.ts';
import { emergencyReason, requireRole, roleGate } from '../auth/scope.ts';
import {
  DISPATCH_ROLES,
  errorResponse,
  json,
  servicesOf,
  staffInScope,
  withFields,
} from '../http/dispatch-scope.ts';
import { VisitStateSchema, conflictResponse } from '../visits/state-schemas.ts';
import { notFound } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { IdParam } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { acceptRepair } from './accept-repair.ts';
import { reportSick } from './report-sick.ts';
import { AcceptRepairInput, ReportSickInput } from './schemas.ts';
import { TravelReportSchema } from '../travel/schemas.ts';

/** POST /api/dispatch/staff/{id}/sick and /api/dispatch/repairs/{proposalId}/accept. */
const PATH_STAFF = { 'body.staffId': 'path.id' };

const SickBody = ReportSickInput.omit({ staffId: true }).strict().openapi('ReportSick');
const AcceptBody = AcceptRepairInput.omit({ proposalId: true }).strict().openapi('AcceptRepair');
const ProposalParam = z.object({
  proposalId: AcceptRepairInput.shape.proposalId.openapi({
    param: { name: 'proposalId', in: 'path' },
  }),
});
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

const body = <T extends z.ZodTypeAny>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
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
      z.object({
        releasedVisitIds: z.array(z.string()),
        proposal: ProposalSchema,
        travel: TravelReportSchema,
      }),
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

export const sickCallRoutes = createRouter()
  .openapi(sick, async (c) => {
    requireRole(c, DISPATCH_ROLES.dispatch);
    emergencyReason(c);
    const { id } = c.req.valid('param');
    await staffInScope(c, id);
    const input = { ...c.req.valid('json'), staffId: id };
    const result = await withFields(PATH_STAFF, () =>
      reportSick(servicesOf(c), commandActor(c), input),
    );
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
      acceptRepair(deps, commandActor(c), { ...c.req.valid('json'), proposalId }),
    );
    return c.json(result, 200);
  });
