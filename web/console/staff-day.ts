/**
 * What each caregiver is doing and does next, read from the visits' assignments and
 * statuses as the server sent them: the current visit is one they are on the way to or in,
 * the next the earliest planned start among those not begun.
 */
import type { ConsoleVisit } from './types.ts';

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
  for (const visit of visits) {
    for (const { staffId, plannedStart } of visit.assignees) {
      const day = dayOf(staffId);
      if (visit.status === 'en_route' || visit.status === 'in_progress') day.current = visit;
      else if (
        visit.status === 'assigned' &&
        (!day.next || Date.parse(plannedStart) < Date.parse(day.next.plannedStart))
      )
        day.next = { visit, plannedStart };
    }
  }
  return days;
}
