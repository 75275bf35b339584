import { z } from '@hono/zod-openapi';
import { pageOf } from '../http/schemas.ts';

export const MunicipalitySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    lat: z.number(),
    lon: z.number(),
    population: z.number().int(),
    areaKm2: z.number(),
    timeZone: z.string(),
  })
  .openapi('Municipality');

export const MunicipalityPage = pageOf(MunicipalitySchema, 'MunicipalityPage');
