import { auditLog, dischargeSettings } from '../../db/schema/index.ts';
import type { DischargeCareType } from '../../db/reference/discharge.ts';
import { unitOf } from '../audit/record.ts';
import type { Principal } from '../auth/principal.ts';
import { type CommandDeps, runCommand } from '../commands/run-command.ts';
import { SETTINGS_CHANGED } from './case-events.ts';
import type { LiabilityRule } from './liability-settings.ts';

/**
 * Saves a municipality's liability rules for both care types, whole, in one command with its
 * audit row (who changed them; no patient, so `patientId` is empty) and a live event carrying
 * the new rules, so every open list and case fetches its clock again. The events table then
 * keeps what was set, the audit log who set it.
 */
export async function saveLiabilitySettings(
  deps: CommandDeps,
  actor: { principal: Principal; requestId: string },
  municipality: string,
  rules: Record<DischargeCareType, LiabilityRule>,
): Promise<void> {
  await runCommand(deps, actor, async (cmd) => {
    for (const careType of ['somatic', 'psychiatric'] as const) {
      const row = { ...rules[careType], updatedAt: cmd.now };
      await cmd.tx
        .insert(dischargeSettings)
        .values({ municipalityCode: municipality, careType, ...row })
        .onConflictDoUpdate({
          target: [dischargeSettings.municipalityCode, dischargeSettings.careType],
          set: row,
        });
    }
    const p = actor.principal;
    await cmd.tx.insert(auditLog).values({
      at: cmd.now,
      userId: p.userId,
      role: p.role,
      patientId: null,
      municipalityCode: municipality,
      unit: unitOf(p),
      action: 'discharge.settings.update',
      requestId: actor.requestId,
    });
    await cmd.emit(municipality, SETTINGS_CHANGED, { municipality, ...rules });
  });
}
