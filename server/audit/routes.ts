import { createRoute } from '@hono/zod-openapi';
import { audit } from './http.ts';
import { patientLog, reviewSample } from './queries.ts';
import type { Role } from '../auth/principal.ts';
import { assertMunicipalityAllowed, dataScope, requireRole, roleGate } from '../auth/scope.ts';
import { notFound } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { AuditExtractQuery, AuditPage, ReviewQuery, ReviewSchema } from './schemas.ts';
import { IdParam, errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { getPatient } from '../patients/queries.ts';

/** Who checks the log (PDL: logs are checked regularly). There is no route that changes it. */
export const AUDITORS: readonly Role[] = ['manager', 'admin'];

const extract = createRoute({
  method: 'get',
  path: '/patients/{id}',
  middleware: roleGate(AUDITORS),
  tags: ['Audit'],
  summary: "A patient's access log, newest first (manager, admin; the extract is itself audited)",
  security: bearer,
  request: { params: IdParam, query: AuditExtractQuery },
  responses: {
    200: { description: 'Log rows', content: { 'application/json': { schema: AuditPage } } },
    400: errorResponse('Bad id or query'),
    ...authResponses,
    404: errorResponse('No such patient in your scope'),
  },
});

const review = createRoute({
  method: 'get',
  path: '/review',
  middleware: roleGate(AUDITORS),
  tags: ['Audit'],
  summary:
    'Sampled review of recent accesses in your municipalities, plus every emergency access (manager, admin)',
  security: bearer,
  request: { query: ReviewQuery },
  responses: {
    200: { description: 'The sample', content: { 'application/json': { schema: ReviewSchema } } },
    400: errorResponse('Bad query'),
    ...authResponses,
  },
});

export const auditRoutes = createRouter()
  .openapi(extract, async (c) => {
    const p = requireRole(c, AUDITORS);
    const { limit, offset } = c.req.valid('query');
    const db = c.get('deps').database.db;
    const patient = await getPatient(db, c.req.valid('param').id, dataScope(p));
    if (!patient) throw notFound('Patient', 'path.id');
    const page = await patientLog(db, patient.id, limit, offset);
    await audit(
      c,
      'audit.extract',
      [{ patientId: patient.id, municipalityCode: patient.municipalityCode }],
      null,
    );
    return c.json(page, 200);
  })
  .openapi(review, async (c) => {
    const p = requireRole(c, AUDITORS);
    const q = c.req.valid('query');
    if (q.municipality) assertMunicipalityAllowed(p, q.municipality, 'query.municipality');
    const scope = dataScope(p).municipalities;
    const municipalities = q.municipality ? [q.municipality] : scope;
    const since = new Date(c.get('deps').now().getTime() - q.days * 86_400_000);
    const result = await reviewSample(c.get('deps').database.db, {
      municipalities,
      since,
      sample: q.sample,
      seed: q.seed,
    });
    return c.json(result, 200);
  });
