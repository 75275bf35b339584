import { z } from '@hono/zod-openapi';
import { MunicipalityCode, PageInfo, PaginationQuery } from '../http/schemas.ts';

export const AuditRowSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.string(),
    username: z.string().nullable(),
    role: z.string(),
    patientId: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    unit: z.string().nullable(),
    action: z.string(),
    requestId: z.string().nullable(),
    emergency: z.boolean(),
    reason: z.string().nullable(),
  })
  .openapi('AuditRow');

export const AuditPage = z
  .object({ items: z.array(AuditRowSchema), page: PageInfo })
  .openapi('AuditPage');

export const ReviewQuery = z.object({
  sample: z.coerce.number().int().min(1).max(500).default(20),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
  days: z.coerce.number().int().min(1).max(366).default(30),
  municipality: MunicipalityCode.optional(),
});

export const ReviewSchema = z
  .object({
    since: z.string(),
    total: z.number().int(),
    sample: z.array(AuditRowSchema),
    emergency: z.array(AuditRowSchema),
  })
  .openapi('AuditReview');

export const AuditExtractQuery = PaginationQuery;
