import { z } from '@hono/zod-openapi';
import { Uuid, instantField } from '../http/schemas.ts';

/** Inputs of a sick call and of accepting its repair; instants are parsed by the service. */
export const ReportSickInput = z.object({
  staffId: Uuid,
  /** When they stop working; defaults to now. */
  at: instantField(
    'When they stop working, within 24 hours back and 30 days ahead of now',
  ).optional(),
  /** Wall budget of the repair solve. */
  timeLimitMs: z.number().int().min(100).max(30_000).default(2000),
});
export type ReportSickInput = z.infer<typeof ReportSickInput>;

export const AcceptRepairInput = z.object({
  proposalId: z.string().min(1).max(100),
  /** Only these visits of the proposal; all of them when absent. */
  visitIds: z.array(Uuid).min(1).max(500).optional(),
});
export type AcceptRepairInput = z.infer<typeof AcceptRepairInput>;
