import { z } from '@hono/zod-openapi';
import { parseInstant } from '../domain/stockholm-time.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.array(
        z.object({
          field: z.string().optional(),
          message: z.string(),
          reason: z.string().optional(),
        }),
      ),
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

/** The window rule (services/create-visit.ts checkVisitWindow), as the API documents it. */
export const WINDOW_RULE =
  'The window is when the visit may start, not when it must be over: windowEnd must be after windowStart and at most 24 hours later; durationMinutes is separate (the visit may end after windowEnd). Both within a year back and two years ahead of now';

const INSTANT_DOC =
  'ISO 8601 extended form, YYYY-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM], in the years 2000-2099; without an offset it is read as Europe/Stockholm local time (refused when that time does not exist or happens twice)';

/**
 * An instant as the API takes it, checked for form here (a 400 naming the field) and parsed
 * by the services with `parseInstant`, which also applies each field's range around now.
 */
export const Instant = z
  .string()
  .max(40)
  .superRefine((text, ctx) => {
    const parsed = parseInstant(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  })
  .openapi({ example: '2026-11-23T07:30:00+01:00', description: INSTANT_DOC });

/** An instant field with its own rule or range, stated after the common form. */
export const instantField = (rule: string) =>
  Instant.openapi({ description: `${INSTANT_DOC}. ${rule}` });
