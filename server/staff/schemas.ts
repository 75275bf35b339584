import { z } from '@hono/zod-openapi';
import { PROFESSIONS, TRAVEL_MODES } from '../../db/reference/professions.ts';
import { MunicipalityCode, PaginationQuery, pageOf } from '../http/schemas.ts';

export const StaffSchema = z
  .object({
    id: z.string(),
    hsaId: z.string().openapi({ example: 'SE2120001234-AB12' }),
    name: z.string(),
    profession: z.enum(PROFESSIONS),
    municipalityCode: z.string(),
    teamId: z.string(),
    travelMode: z.enum(TRAVEL_MODES),
    active: z.boolean(),
  })
  .openapi('Staff');

export const StaffPage = pageOf(StaffSchema, 'StaffPage');

export const StaffQuery = PaginationQuery.extend({
  municipality: MunicipalityCode.optional(),
  profession: z.enum(PROFESSIONS).optional(),
  active: z.enum(['true', 'false']).optional(),
});
