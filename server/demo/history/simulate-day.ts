import type { TravelMode } from '../../../db/reference/professions.ts';
import type { VisitStatus } from '../../../db/reference/task-types.ts';
import type { visitActuals, visits } from '../../../db/schema/index.ts';
import type { Rng } from '../../../db/seed/prng.ts';
import { type LatLon, haversineMetres, tripPricer } from '../../solver-bridge/travel.ts';
import { visitState } from '../../visits/visit-state.ts';
import { EXECUTION, PLANNED_TRAVEL, TRUE_TRAVEL, factor } from './execution-model.ts';

type VisitRow = typeof visits.$inferSelect;
export interface AssigneeRow {
  staffId: string;
  plannedStart: Date;
  routeOrder: number;
}
export interface SimCaregiver {
  id: string;
  travelMode: TravelMode;
  base: LatLon;
}
export interface SimDay {
  municipality: string;
  /** The visits to finish: assigned ones are worked, unassigned ones missed. */
  visits: readonly { row: VisitRow; assignees: readonly AssigneeRow[] }[];
  caregivers: ReadonlyMap<string, SimCaregiver>;
  /** Patient id → home. */
  places: ReadonlyMap<string, LatLon>;
}
/** Where a caregiver is and when they are free: carried from one day to the next. */
export interface CaregiverState {
  freeAt: number;
  at: LatLon;
}
export interface HistoryEvent {
  municipalityCode: string;
  type: string;
  payload: unknown;
  createdAt: Date;
}
export interface SimOutcome {
  visits: { id: string; status: VisitStatus; version: number; updatedAt: Date }[];
  actuals: (typeof visitActuals.$inferInsert)[];
  /** In the order they happened. */
  events: HistoryEvent[];
}

/** A caregiver free longer than this starts a new route from their base. */
const NEW_ROUTE_MS = 2 * 3600_000;
const MIN = 60_000;

const pricers = (o: typeof PLANNED_TRAVEL) => {
  const cache = new Map<TravelMode, (m: number) => number>();
  return (mode: TravelMode, straight: number) => {
    let p = cache.get(mode);
    if (!p) cache.set(mode, (p = tripPricer(mode, o)));
    return p(Math.round(straight * o.detourFactor));
  };
};
const plannedSeconds = pricers(PLANNED_TRAVEL);
const trueSeconds = pricers(TRUE_TRAVEL);
const whole = (ms: number) => Math.round(ms / 1000) * 1000;

/**
 * Works a planned day as the field would have: each caregiver sets out when the plan says
 * (or once free, or late at a route's start), travels the true time with some spread, waits
 * for the window to open, stays a varying time; some visits are cancelled beforehand and at
 * some nobody opens. An urgent call is set out for only once registered. What it returns is
 * what the live system would have recorded: each visit's final status and version, its
 * visit_actuals row, and the status events with their times (the same transitions as
 * STATUS_TRANSITIONS: assigned → en_route → in_progress → done, en_route → no_access,
 * assigned → cancelled). A visit nobody was planned for is missed: cancelled at its window's
 * end ('visit.cancelled', no caregiver).
 */
export function simulateDay(day: SimDay, state: Map<string, CaregiverState>, rng: Rng): SimOutcome {
  const out: SimOutcome = { visits: [], actuals: [], events: [] };
  const timed: { at: number; order: number; e: HistoryEvent }[] = [];
  const order = [...day.visits].sort(
    (a, b) =>
      startOf(a.assignees, a.row) - startOf(b.assignees, b.row) || a.row.id.localeCompare(b.row.id),
  );
  for (const { row, assignees } of order) {
    let current = row;
    const change = (type: string, to: VisitStatus, at: number) => {
      const from = current.status;
      current = { ...current, status: to, version: current.version + 1, updatedAt: new Date(at) };
      const visit = visitState(current, [...assignees]);
      timed.push({
        at,
        order: timed.length,
        e: {
          municipalityCode: day.municipality,
          type,
          payload: type === 'visit.status_changed' ? { visit, from, to } : { visit },
          createdAt: new Date(at),
        },
      });
    };
    const actual = {
      visitId: row.id,
      municipalityCode: day.municipality,
      staffId: null as string | null,
      enRouteAt: null as Date | null,
      startedAt: null as Date | null,
      finishedAt: null as Date | null,
      outcome: null as VisitStatus | null,
    };

    if (assignees.length === 0) {
      const at = row.windowEnd.getTime();
      change('visit.cancelled', 'cancelled', at);
      Object.assign(actual, { finishedAt: new Date(at), outcome: 'cancelled' });
    } else {
      const plannedStart = startOf(assignees, row);
      const urgent = row.source === 'urgent_call';
      if (!urgent && rng.chance(EXECUTION.cancelled)) {
        const at = whole(
          Math.max(row.createdAt.getTime() + MIN, plannedStart - rng.int(20, 240) * MIN),
        );
        change('visit.status_changed', 'cancelled', at);
        Object.assign(actual, {
          staffId: assignees[0].staffId,
          finishedAt: new Date(at),
          outcome: 'cancelled',
        });
      } else {
        const home = day.places.get(row.patientId)!;
        const legs = assignees.map((a) => {
          const cg = day.caregivers.get(a.staffId)!;
          const st = state.get(a.staffId);
          const start = a.plannedStart.getTime();
          const newRoute = !st || start - st.freeAt > NEW_ROUTE_MS;
          const from = newRoute ? cg.base : st.at;
          const metres = haversineMetres(from, home);
          const planned = metres <= 0 ? 0 : plannedSeconds(cg.travelMode, metres) * 1000;
          const travel =
            metres <= 0
              ? 0
              : trueSeconds(cg.travelMode, metres) *
                1000 *
                factor(rng, EXECUTION.travelSigma, 0.6, 2);
          let leave = start - planned - rng.int(0, 4) * MIN;
          if (!newRoute) leave = Math.max(leave, st.freeAt + rng.int(1, 4) * MIN);
          if (newRoute && rng.chance(EXECUTION.lateRouteStart)) leave += rng.int(5, 25) * MIN;
          if (urgent) leave = Math.max(leave, row.createdAt.getTime() + rng.int(2, 10) * MIN);
          let arrive = leave + travel;
          // Early: they set out later rather than wait at the door (a window is when to start).
          const opens = row.windowStart.getTime();
          if (arrive < opens) {
            leave += opens - arrive;
            arrive = opens;
          }
          return { staffId: a.staffId, leave: whole(leave), arrive: whole(arrive) };
        });
        const first = legs.reduce((a, b) => (b.leave < a.leave ? b : a));
        const enRoute = first.leave;
        const arrived = Math.max(...legs.map((l) => l.arrive));
        change('visit.status_changed', 'en_route', enRoute);
        let finished: number;
        if (rng.chance(EXECUTION.noAccess)) {
          finished = arrived + rng.int(5, 12) * MIN;
          change('visit.status_changed', 'no_access', finished);
          Object.assign(actual, { outcome: 'no_access' });
        } else {
          const minutes = row.durationMinutes * factor(rng, EXECUTION.durationSigma, 0.6, 1.8);
          finished = whole(arrived + minutes * MIN);
          change('visit.status_changed', 'in_progress', arrived);
          change('visit.status_changed', 'done', finished);
          Object.assign(actual, { startedAt: new Date(arrived), outcome: 'done' });
        }
        Object.assign(actual, {
          staffId: first.staffId,
          enRouteAt: new Date(enRoute),
          finishedAt: new Date(finished),
        });
        for (const a of assignees) state.set(a.staffId, { freeAt: finished, at: home });
      }
    }
    out.visits.push({
      id: row.id,
      status: current.status,
      version: current.version,
      updatedAt: current.updatedAt,
    });
    out.actuals.push(actual);
  }
  out.events = timed.sort((a, b) => a.at - b.at || a.order - b.order).map((t) => t.e);
  return out;
}

function startOf(assignees: readonly AssigneeRow[], row: VisitRow): number {
  if (assignees.length === 0) return row.windowStart.getTime();
  return Math.min(...assignees.map((a) => a.plannedStart.getTime()));
}
