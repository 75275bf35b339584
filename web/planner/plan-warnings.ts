import type { MessageKey } from '../i18n/sv.ts';
import type { PlanningJob } from './planner-types.ts';

/**
 * What the scheduler must be told before trusting a proposal: it breaks a hard rule (the
 * server's validator says so), or the search never found a plan that keeps every rule and
 * the last repair made this one by leaving visits out. Empty: nothing to warn about.
 */
export function planWarnings(result: PlanningJob['result']): MessageKey[] {
  const q = result?.quality;
  if (!q) return [];
  const out: MessageKey[] = [];
  if (q.breaksHardRules) out.push('planner.warnBreaksRules');
  if (q.foundByRepair) out.push('planner.warnFoundByRepair');
  return out;
}
