import { createRoute } from '@hono/zod-openapi';
import { notFound } from '../errors.ts';
import { createRouter } from '../openapi/router.ts';
import { IdParam, errorResponse } from '../schemas/common.ts';
import { PatientPage, PatientQuery, PatientSchema } from '../schemas/patient.ts';
import { assertMunicipality } from '../services/municipalities.ts';
import { getPatient, listPatients } from '../services/patients.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Patients'],
  summary: 'Patients of a municipality (health data: access is audited)',
  request: { query: PatientQuery },
  responses: {
    200: {
      description: 'A page of patients',
      content: { 'application/json': { schema: PatientPage } },
    },
    400: errorResponse('Bad query'),
    404: errorResponse('Unknown municipality'),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Patients'],
  summary: 'One patient',
  request: { params: IdParam },
  responses: {
    200: { description: 'The patient', content: { 'application/json': { schema: PatientSchema } } },
    400: errorResponse('Bad id'),
    404: errorResponse('No such patient'),
  },
});

export const patientRoutes = createRouter()
  .openapi(list, async (c) => {
    const { limit, offset, municipality } = c.req.valid('query');
    const db = c.get('deps').database.db;
    if (municipality) await assertMunicipality(db, municipality, 'query.municipality');
    return c.json(await listPatients(db, { municipality }, limit, offset), 200);
  })
  .openapi(one, async (c) => {
    const row = await getPatient(c.get('deps').database.db, c.req.valid('param').id);
    if (!row) throw notFound('Patient', 'path.id');
    return c.json(row, 200);
  });
