/**
 * What each caregiver is doing and does next, read from the visits' assignments and
 * statuses as the server sent them: the current visit is one they are on the way to or in,
 * the next the earliest planned start among those not begun.
 */
import type { Assignee, ConsoleVisit } from './types.ts';

/** An assignment object is replaced, never changed: its start is parsed once, not on every event. */
const starts = new WeakMap<Assignee, number>();
function startOf(a: Assignee): number {
  let at = starts.get(a);
  if (at === undefined) starts.set(a, (at = Date.parse(a.plannedStart)));
  return at;
}

export interface StaffDay {
  current: ConsoleVisit | null;
  next: { visit: ConsoleVisit; plannedStart: string } | null;
}

export function staffDays(visits: Iterable<ConsoleVisit>): Map<string, StaffDay> {
  const days = new Map<string, StaffDay>();
  const dayOf = (staffId: string) => {
    let day = days.get(staffId);
    if (!day) days.set(staffId, (day = { current: null, next: null }));
    return day;
  };
  const nextAt = new Map<string, number>();
  for (const visit of visits) {
    for (const a of visit.assignees) {
      const day = dayOf(a.staffId);
      if (visit.status === 'en_route' || visit.status === 'in_progress') day.current = visit;
      else if (visit.status === 'assigned') {
        const at = startOf(a);
        if (!day.next || at < nextAt.get(a.staffId)!) {
          day.next = { visit, plannedStart: a.plannedStart };
          nextAt.set(a.staffId, at);
        }
      }
    }
  }
  return days;
}
