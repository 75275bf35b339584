import { and, gt, lte } from 'drizzle-orm';
import { shifts } from '../../db/schema/index.ts';
import type { Logger } from '../logger.ts';
import { LateRiskDedupe, emitLateRiskEvents, lateRiskAlerts } from './late-risk.ts';
import type { PlanningDeps } from '../suggestions/suggestions.ts';

/** Municipalities with at least one caregiver on shift at `now`: only they can run late. */
export async function municipalitiesOnShift(deps: PlanningDeps): Promise<string[]> {
  const now = deps.now();
  const rows = await deps.db
    .selectDistinct({ code: shifts.municipalityCode })
    .from(shifts)
    .where(and(lte(shifts.startsAt, now), gt(shifts.endsAt, now)));
  return rows.map((r) => r.code).sort();
}

/**
 * One pass: late-risk alerts of every municipality on shift, each (visit, version) raised
 * once as a 'visit.late_risk' event. A failing municipality is logged and the rest go on.
 */
export async function checkLateRisks(
  deps: PlanningDeps,
  dedupe: LateRiskDedupe,
  logger: Logger,
): Promise<number> {
  let raised = 0;
  for (const code of await municipalitiesOnShift(deps)) {
    try {
      const alerts = await lateRiskAlerts(deps, code);
      raised += (await emitLateRiskEvents(deps, code, alerts, dedupe)).length;
    } catch (err) {
      logger.error('late-risk check failed', { municipality: code, err });
    }
  }
  return raised;
}

/**
 * Runs `checkLateRisks` every `everyMs` (default 30 s) in the background: the timer does not
 * keep the process alive, a pass still running makes the next tick skip, errors are logged.
 * Every process runs its own loop; an alert another process raised is known from its event
 * in the live state, and when two passes race, raised_late_risks lets one through. Returns a
 * stop function that waits for a running pass.
 */
export function startLateRiskLoop(
  deps: PlanningDeps,
  logger: Logger,
  everyMs = 30_000,
): () => Promise<void> {
  const dedupe = new LateRiskDedupe();
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = checkLateRisks(deps, dedupe, logger)
      .then((raised) => {
        if (raised) logger.info('late risks raised', { raised });
      })
      .catch((err: unknown) => logger.error('late-risk loop failed', { err }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
