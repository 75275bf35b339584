import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { principalOf } from '../auth/scope.ts';
import type { CommandActor } from '../commands/run-command.ts';
import { type AuditAction, type AuditActor, type AuditSubject, recordAccess } from './record.ts';

/** The audit actor of an HTTP request. */
export function actorOf(c: Context<AppEnv>, emergencyReason: string | null): AuditActor {
  return { principal: principalOf(c), requestId: c.get('requestId'), emergencyReason };
}

/**
 * Who runs the command of an HTTP request: its audit rows go in the command's transaction
 * (runCommand). Changes take no emergency access.
 */
export function commandActor(c: Context<AppEnv>): CommandActor {
  return { principal: principalOf(c), requestId: c.get('requestId') };
}

/**
 * Audits what a request read, before it is answered; emergency accesses are also logged
 * (ids only). Changes audit inside their command instead (runCommand).
 */
export async function audit(
  c: Context<AppEnv>,
  action: AuditAction,
  subjects: AuditSubject[],
  emergencyReason: string | null,
): Promise<void> {
  const deps = c.get('deps');
  const actor = actorOf(c, emergencyReason);
  const { emergency } = await recordAccess(
    { database: deps.database.db },
    actor,
    action,
    subjects,
    deps.now(),
  );
  if (emergency) {
    c.get('logger').warn('emergency access', {
      userId: actor.principal.userId,
      action,
      patients: emergency,
    });
  }
}
