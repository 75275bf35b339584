import { createRoute, z } from '@hono/zod-openapi';
import { inArray } from 'drizzle-orm';
import { integrationClients, municipalities } from '../../db/schema/index.ts';
import { roleGate } from '../auth/scope.ts';
import { AppError } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { MunicipalityCode, Uuid, errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';
import { createIntegrationClient } from './api-keys.ts';

const NewClient = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9-]{3,64}$/, '3 to 64 lower-case letters, digits and dashes')
      .openapi({ example: 'lifecare-sp' }),
    municipalities: z.array(MunicipalityCode).min(1).max(26),
  })
  .openapi('NewIntegrationClient');

const CreatedClient = z
  .object({
    id: Uuid,
    name: z.string(),
    municipalities: z.array(z.string()),
    apiKey: z.string().openapi({ description: 'Shown this once: only its hash is kept' }),
  })
  .openapi('IntegrationClient');

const create = createRoute({
  method: 'post',
  path: '/clients',
  tags: ['Discharge'],
  summary:
    'Register a system client (the region’s discharge integration) for some municipalities: its API key, shown once (admin)',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: NewClient } } } },
  responses: {
    201: {
      description: 'The client and its key',
      content: { 'application/json': { schema: CreatedClient } },
    },
    400: errorResponse('Bad name or municipality'),
    ...authResponses,
    409: errorResponse('The name is taken'),
    422: errorResponse('Unknown municipality'),
  },
  middleware: roleGate(['admin']),
});

export const dischargeClientRoutes = createRouter().openapi(create, async (c) => {
  const { name, municipalities: codes } = c.req.valid('json');
  const db = c.get('deps').database.db;
  const known = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(inArray(municipalities.code, codes));
  const missing = codes.findIndex((code) => !known.some((k) => k.code === code));
  if (missing >= 0)
    throw new AppError(422, 'validation_failed', 'Unknown municipality', [
      { field: `body.municipalities.${missing}`, message: 'no such municipality' },
    ]);
  const taken = await db
    .select({ id: integrationClients.id })
    .from(integrationClients)
    .where(inArray(integrationClients.name, [name]));
  if (taken.length)
    throw new AppError(409, 'conflict', 'A client of that name exists', [
      { field: 'body.name', message: 'taken' },
    ]);
  const { client, key } = await createIntegrationClient(db, name, [...new Set(codes)]);
  return c.json({ ...client, apiKey: key }, 201);
});
