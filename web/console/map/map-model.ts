/**
 * What the map draws, worked out from the console's state without Leaflet, so it is tested
 * in Node: today's route per caregiver (their visits in planned order through the patients'
 * places) and the visits by status, each status with its own symbol (never colour alone).
 */
import type { ConsoleVisit, VisitStatus } from '../types.ts';

export type LatLon = readonly [lat: number, lon: number];

/** The symbol a visit's marker and its row in the list share. */
export const STATUS_SYMBOL: Record<VisitStatus, string> = {
  unassigned: '!',
  assigned: '○',
  en_route: '→',
  in_progress: '▶',
  done: '✓',
  cancelled: '✕',
  no_access: '⊘',
};

export const STATUS_ORDER: readonly VisitStatus[] = [
  'unassigned',
  'assigned',
  'en_route',
  'in_progress',
  'done',
  'no_access',
  'cancelled',
];

/** The visit's patient, which the map needs for its place (the snapshot leaves patients out). */
export type MapVisit = ConsoleVisit & { patientId?: string };

export interface Route {
  staffId: string;
  /** The visits' places in planned order (visits without a known place are left out). */
  points: LatLon[];
  /** Visits in the route today, placed or not. */
  visits: number;
}

/** One route per assigned caregiver: their visits of the day (not cancelled) by planned start. */
export function routesOf(visits: Iterable<MapVisit>, places: ReadonlyMap<string, LatLon>): Route[] {
  const stops = new Map<string, { start: string; place: LatLon | undefined }[]>();
  for (const v of visits) {
    if (v.status === 'cancelled') continue;
    const place = v.patientId ? places.get(v.patientId) : undefined;
    for (const a of v.assignees) {
      const list = stops.get(a.staffId) ?? [];
      list.push({ start: a.plannedStart, place });
      stops.set(a.staffId, list);
    }
  }
  return [...stops].map(([staffId, list]) => {
    list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const points = list.flatMap((s) => (s.place ? [s.place] : []));
    return { staffId, points, visits: list.length };
  });
}

export interface VisitMark {
  id: string;
  status: VisitStatus;
  place: LatLon;
}

/** The visits that have a known place, to be marked on the map. */
export function visitMarks(
  visits: Iterable<MapVisit>,
  places: ReadonlyMap<string, LatLon>,
): VisitMark[] {
  const marks: VisitMark[] = [];
  for (const v of visits) {
    const place = v.patientId ? places.get(v.patientId) : undefined;
    if (place) marks.push({ id: v.id, status: v.status, place });
  }
  return marks;
}

/** How many visits have each status, and how many of them are on the map. */
export function countByStatus(
  visits: Iterable<MapVisit>,
  places: ReadonlyMap<string, LatLon>,
): { status: VisitStatus; count: number; placed: number }[] {
  const counts = new Map<VisitStatus, { count: number; placed: number }>();
  for (const v of visits) {
    const c = counts.get(v.status) ?? { count: 0, placed: 0 };
    c.count++;
    if (v.patientId && places.has(v.patientId)) c.placed++;
    counts.set(v.status, c);
  }
  return STATUS_ORDER.flatMap((status) => {
    const c = counts.get(status);
    return c ? [{ status, ...c }] : [];
  });
}
