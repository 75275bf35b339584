import { createRoute } from '@hono/zod-openapi';
import { audit } from '../audit/http.ts';
import {
  assertMunicipalityAllowed,
  dataScope,
  emergencyReason,
  principalOf,
  refuseEmergencyList,
} from '../auth/scope.ts';
import { notFound } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { IdParam, errorResponse } from '../http/schemas.ts';
import { PatientPage, PatientQuery, PatientSchema } from './schemas.ts';
import { authResponses, bearer, emergencyHeaderDoc } from '../http/security-schemas.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { getPatient, listPatients } from './queries.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Patients'],
  summary: 'Patients in your scope (health data: every patient returned is audited)',
  security: bearer,
  parameters: [emergencyHeaderDoc],
  request: { query: PatientQuery },
  responses: {
    200: {
      description: 'A page of patients',
      content: { 'application/json': { schema: PatientPage } },
    },
    400: errorResponse('Bad query'),
    ...authResponses,
    404: errorResponse('Unknown municipality'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Patients'],
  summary: 'One patient (audited); 404 also when outside your scope',
  security: bearer,
  parameters: [emergencyHeaderDoc],
  request: { params: IdParam },
  responses: {
    200: { description: 'The patient', content: { 'application/json': { schema: PatientSchema } } },
    400: errorResponse('Bad id'),
    ...authResponses,
    404: errorResponse('No such patient in your scope'),
  },
});

export const patientRoutes = createRouter()
  .openapi(list, async (c) => {
    const { limit, offset, municipality, q } = c.req.valid('query');
    const p = principalOf(c);
    const reason = emergencyReason(c);
    refuseEmergencyList(reason);
    const db = c.get('deps').database.db;
    if (municipality) {
      await assertMunicipality(db, municipality, 'query.municipality');
      assertMunicipalityAllowed(p, municipality, 'query.municipality', reason !== null);
    }
    const page = await listPatients(
      db,
      { municipality, q },
      dataScope(p, reason !== null),
      limit,
      offset,
    );
    await audit(c, 'patient.list', page.items.map(subject), reason);
    return c.json(page, 200);
  })
  .openapi(one, async (c) => {
    const p = principalOf(c);
    const reason = emergencyReason(c);
    const db = c.get('deps').database.db;
    const row = await getPatient(db, c.req.valid('param').id, dataScope(p, reason !== null));
    if (!row) throw notFound('Patient', 'path.id');
    await audit(c, 'patient.read', [subject(row)], reason);
    return c.json(row, 200);
  });

const subject = (r: { id: string; municipalityCode: string }) => ({
  patientId: r.id,
  municipalityCode: r.municipalityCode,
});
