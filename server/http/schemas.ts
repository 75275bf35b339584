import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.array(z.object({ field: z.string().optional(), message: z.string() })),
    }),
  })
  .openapi('Error');

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

export const PaginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ example: 100 }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ example: 0 }),
});

export const PageInfo = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  total: z.number().int(),
});

export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), page: PageInfo }).openapi(name);

export const MunicipalityCode = z
  .string()
  .regex(/^\d{4}$/, 'must be a four-digit municipality code')
  .openapi({ example: '0180', description: 'SCB municipality code' });

export const Uuid = z.uuid('must be a UUID');

export const IdParam = z.object({
  id: Uuid.openapi({
    param: { name: 'id', in: 'path' },
    example: '00000000-0000-4000-8000-000000000000',
  }),
});

export const LocalDate = z.iso.date('must be a date YYYY-MM-DD').openapi({
  example: '2026-11-23',
  description: 'Calendar day in Europe/Stockholm',
});

export const Instant = z.string().openapi({
  example: '2026-11-23T07:30:00+01:00',
  description:
    'ISO 8601; without an offset it is read as Europe/Stockholm local time (refused when that time does not exist or happens twice)',
});
