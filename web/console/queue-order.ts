/**
 * The queue's order: unassigned and urgent visits first, then those at risk of being late,
 * then the rest; within each, by priority, then by the time left to the window's end.
 */
import type { ConsoleVisit, LateRiskAlert, VisitPriority } from './types.ts';

/** Still to be done: the queue leaves out started, finished and cancelled visits. */
const OPEN = new Set<ConsoleVisit['status']>(['unassigned', 'assigned', 'en_route']);
const RANK: Record<VisitPriority, number> = { urgent1: 0, urgent2: 1, planned: 2 };

export interface QueueRow {
  visit: ConsoleVisit;
  /** The late-risk alert for this version of the visit, if any. */
  lateRisk: LateRiskAlert | null;
  needsAction: boolean;
  /** 0: unassigned or urgent, 1: at risk of being late, 2: the rest. */
  tier: 0 | 1 | 2;
}

export function queueRows(
  visits: Iterable<ConsoleVisit>,
  lateRisks: ReadonlyMap<string, LateRiskAlert>,
): QueueRow[] {
  const rows: QueueRow[] = [];
  for (const visit of visits) {
    if (!OPEN.has(visit.status)) continue;
    const alert = lateRisks.get(visit.id);
    const lateRisk = alert && alert.version === visit.version ? alert : null;
    const tier =
      visit.status === 'unassigned' || visit.priority !== 'planned' ? 0 : lateRisk ? 1 : 2;
    rows.push({ visit, lateRisk, needsAction: tier < 2, tier });
  }
  return rows.sort(
    (a, b) =>
      a.tier - b.tier ||
      RANK[a.visit.priority] - RANK[b.visit.priority] ||
      Date.parse(a.visit.windowEnd) - Date.parse(b.visit.windowEnd) ||
      a.visit.id.localeCompare(b.visit.id),
  );
}
