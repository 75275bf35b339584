import { z } from '@hono/zod-openapi';
import { MunicipalityCode } from '../http/schemas.ts';

export const TeamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    municipalityCode: z.string(),
  })
  .openapi('Team');

export const TeamList = z.object({ items: z.array(TeamSchema) }).openapi('TeamList');

export const TeamQuery = z.object({ municipality: MunicipalityCode });
