import { z } from '@hono/zod-openapi';
import { Uuid, instantField } from '../http/schemas.ts';

/** Input of a caregiver's position report; instants are parsed by the service. */
export const POSITION_STATUSES = [
  'available',
  'en_route',
  'on_visit',
  'break',
  'off_duty',
] as const;

export const ReportPositionInput = z.object({
  staffId: Uuid,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** When the device took the fix; defaults to now. */
  at: instantField(
    'When the device took the fix, within 24 hours back and 1 hour ahead of now',
  ).optional(),
  status: z.enum(POSITION_STATUSES).default('available'),
});
export type ReportPositionInput = z.infer<typeof ReportPositionInput>;
