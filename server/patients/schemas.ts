import { z } from '@hono/zod-openapi';
import { CARE_SETTINGS } from '../../db/reference/professions.ts';
import { MunicipalityCode, PaginationQuery, pageOf } from '../http/schemas.ts';

export const PatientSchema = z
  .object({
    id: z.string(),
    municipalityCode: z.string(),
    name: z.string(),
    address: z.string(),
    lat: z.number(),
    lon: z.number(),
    careSetting: z.enum(CARE_SETTINGS),
    contactStaffId: z.string().nullable(),
    notes: z.string().openapi({ description: 'Sensitive (door codes): never logged' }),
  })
  .openapi('Patient');

export const PatientPage = pageOf(PatientSchema, 'PatientPage');

export const PatientQuery = PaginationQuery.extend({
  municipality: MunicipalityCode.optional(),
  // A search narrows what is returned, so only the patients the dispatcher looks for are audited.
  q: z.string().trim().min(2).max(100).optional().openapi({
    description: 'Name or address contains this (case-insensitive), at least 2 characters',
    example: 'Andersson',
  }),
});
