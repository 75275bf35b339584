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

/**
 * A visit object is replaced, never changed, when its event arrives: its window's end is
 * parsed once, not in every comparison of every sort (the queue is sorted on each event).
 */
const windowEnds = new WeakMap<ConsoleVisit, number>();
function windowEndOf(visit: ConsoleVisit): number {
  let end = windowEnds.get(visit);
  if (end === undefined) windowEnds.set(visit, (end = Date.parse(visit.windowEnd)));
  return end;
}

export function queueRows(
  visits: Iterable<ConsoleVisit>,
  lateRisks: ReadonlyMap<string, LateRiskAlert>,
): QueueRow[] {
  const keyed: { row: QueueRow; rank: number; end: number }[] = [];
  for (const visit of visits) {
    if (!OPEN.has(visit.status)) continue;
    const alert = lateRisks.get(visit.id);
    const lateRisk = alert && alert.version === visit.version ? alert : null;
    const tier =
      visit.status === 'unassigned' || visit.priority !== 'planned' ? 0 : lateRisk ? 1 : 2;
    keyed.push({
      row: { visit, lateRisk, needsAction: tier < 2, tier },
      rank: RANK[visit.priority],
      end: windowEndOf(visit),
    });
  }
  // Ids are UUIDs: a plain comparison orders them as localeCompare did, at a fraction of the cost.
  keyed.sort(
    (a, b) =>
      a.row.tier - b.row.tier ||
      a.rank - b.rank ||
      a.end - b.end ||
      (a.row.visit.id < b.row.visit.id ? -1 : a.row.visit.id > b.row.visit.id ? 1 : 0),
  );
  return keyed.map((k) => k.row);
}
