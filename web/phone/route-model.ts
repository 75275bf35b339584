/**
 * The caregiver's day as the page keeps it: their visits of the local day (GET /api/visits
 * answers a caregiver with their own only, with planned starts), in route order, and what
 * each button would ask.
 * Which change is allowed is the server's to decide; the buttons only offer the next steps
 * of the lifecycle it documents, so a caregiver does not press what would surely be refused.
 */
import type { Schemas } from '../api/client.ts';
import { TIME_ZONE } from '../time/format.ts';

export type RouteVisit = Schemas['VisitState'];
export type VisitStatus = RouteVisit['status'];
export type CaregiverStatus = 'en_route' | 'in_progress' | 'done' | 'no_access';
export const CAREGIVER_STATUSES: readonly CaregiverStatus[] = [
  'en_route',
  'in_progress',
  'done',
  'no_access',
];

/** The next steps the server accepts from each status (server/visits/visit-status.ts). */
const NEXT: Record<VisitStatus, readonly CaregiverStatus[]> = {
  unassigned: [],
  assigned: ['en_route'],
  en_route: ['in_progress', 'no_access'],
  in_progress: ['done', 'no_access'],
  done: [],
  cancelled: [],
  no_access: [],
};

export function nextSteps(status: VisitStatus): readonly CaregiverStatus[] {
  return NEXT[status];
}

export const isFinal = (status: VisitStatus) =>
  status === 'done' || status === 'cancelled' || status === 'no_access';

/** When this caregiver is planned to start the visit (the window's start if not planned). */
export function plannedStart(v: RouteVisit, staffId: string): string | null {
  return v.assignees.find((a) => a.staffId === staffId)?.plannedStart ?? null;
}

/** The route in order: by planned start, then window, then id, so it never jumps. */
export function routeOrder(visits: Iterable<RouteVisit>, staffId: string): RouteVisit[] {
  const start = (v: RouteVisit) => Date.parse(plannedStart(v, staffId) ?? v.windowStart);
  return [...visits].sort(
    (a, b) =>
      start(a) - start(b) ||
      Date.parse(a.windowStart) - Date.parse(b.windowStart) ||
      Date.parse(a.windowEnd) - Date.parse(b.windowEnd) ||
      a.id.localeCompare(b.id),
  );
}

/** The status a visit will have once its queued changes are sent (the last one wins). */
export function statusAfter(
  status: VisitStatus,
  pending: readonly { status: CaregiverStatus }[],
): VisitStatus {
  return pending.length ? pending[pending.length - 1]!.status : status;
}

const ymd = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Stockholm calendar day of an instant, as the API's `date` filter takes it. */
export function stockholmDate(at: number | Date): string {
  return ymd.format(at);
}
