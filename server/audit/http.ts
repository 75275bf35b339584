import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { principalOf } from '../auth/scope.ts';
import type { Tx } from '../events/append-events.ts';
import { type AuditAction, type AuditActor, type AuditSubject, recordAccess } from './record.ts';

/** The audit actor of an HTTP request. */
export function actorOf(c: Context<AppEnv>, emergencyReason: string | null): AuditActor {
  return { principal: principalOf(c), requestId: c.get('requestId'), emergencyReason };
}

/** Audits what a request read or changed; emergency accesses are also logged (ids only). */
export async function audit(
  c: Context<AppEnv>,
  action: AuditAction,
  subjects: AuditSubject[],
  emergencyReason: string | null,
  tx?: Tx,
): Promise<void> {
  const deps = c.get('deps');
  const actor = actorOf(c, emergencyReason);
  const { emergency } = await recordAccess(
    tx ?? { database: deps.database.db },
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
