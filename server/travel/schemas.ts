import { z } from '@hono/zod-openapi';

/** Where a result's travel times came from (planning, a repair). */
export const TravelReportSchema = z
  .object({
    source: z.enum(['osrm', 'estimate']),
    fallbackReason: z
      .string()
      .optional()
      .openapi({ description: 'Why the road network (OSRM) was not used for some mode' }),
  })
  .openapi('TravelReport');
