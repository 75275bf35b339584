import { auditLog } from '../../db/schema/index.ts';
import type { Command } from '../commands/run-command.ts';
import type { IntegrationClient } from './api-keys.ts';

/** The role a system client's audit rows carry. */
export const INTEGRATION_ROLE = 'region_integration';

/** One audit row of the region's client about a patient, in the command's transaction. */
export async function auditAsClient(
  cmd: Command,
  client: IntegrationClient,
  requestId: string,
  subject: { patientId: string; municipalityCode: string },
  action: string,
): Promise<void> {
  await cmd.tx.insert(auditLog).values({
    at: cmd.now,
    userId: `integration:${client.name}`,
    role: INTEGRATION_ROLE,
    ...subject,
    unit: client.municipalities.join(','),
    action,
    requestId,
  });
}
