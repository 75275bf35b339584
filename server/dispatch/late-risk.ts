import { estimateTravel } from '../solver-bridge/travel.ts';
import { toLocalIso } from '../time/stockholm.ts';
import { loadWorld } from './load-world.ts';
import type { PlanningDeps } from './suggestions.ts';
import { commitAndPublish } from './visit-state.ts';

export interface LateRiskAlert {
  visitId: string;
  staffId: string;
  /** The visit version the alert is about: a change to the visit re-arms the alert. */
  version: number;
  eta: string;
  etaLocal: string;
  windowEnd: string;
  windowEndLocal: string;
  lateBySeconds: number;
}

/**
 * Visits that will start after their window at the pace the routes now allow: each
 * caregiver leaves their position (else base) now, or when the visit in progress ends, and
 * works through their assigned, not-started visits in route order.
 */
export async function lateRiskAlerts(
  deps: PlanningDeps,
  municipality: string,
): Promise<LateRiskAlert[]> {
  const now = deps.now();
  const world = await loadWorld(deps.db, {
    municipality,
    now,
    until: new Date(now.getTime() + 16 * 3600_000),
    positions: deps.positions,
  });
  const travel = deps.travel ?? estimateTravel();
  const patient = new Map(world.patients.map((p) => [p.id, p]));
  const alerts: LateRiskAlert[] = [];
  for (const s of world.staff) {
    const route = world.visits
      .flatMap((v) => v.assignees.filter((a) => a.staffId === s.id).map((a) => ({ v, a })))
      .sort((x, y) => +x.a.plannedStart - +y.a.plannedStart || x.a.routeOrder - y.a.routeOrder);
    if (route.length === 0) continue;
    const points = [s.start, ...route.map(({ v }) => patient.get(v.patientId)!)];
    const { durations } = travel.matrices(points, s.travelMode);
    let t = Math.max(now.getTime(), s.availableFrom?.getTime() ?? 0);
    route.forEach(({ v }, i) => {
      t += durations[i * points.length + i + 1] * 1000;
      const start = Math.max(t, v.windowStart.getTime());
      if (start > v.windowEnd.getTime()) {
        alerts.push({
          visitId: v.id,
          staffId: s.id,
          version: world.versions.get(v.id)!,
          eta: new Date(start).toISOString(),
          etaLocal: toLocalIso(new Date(start)),
          windowEnd: v.windowEnd.toISOString(),
          windowEndLocal: toLocalIso(v.windowEnd),
          lateBySeconds: Math.round((start - v.windowEnd.getTime()) / 1000),
        });
      }
      t = start + v.durationMinutes * 60_000;
    });
  }
  return alerts.sort((a, b) => a.eta.localeCompare(b.eta));
}

/** Remembers which (visit, version) was alerted, so a poll loop alerts each once. Bounded. */
export class LateRiskDedupe {
  private readonly seen = new Map<string, number>();
  constructor(private readonly maxEntries = 50_000) {}

  fresh(a: LateRiskAlert): boolean {
    return this.seen.get(a.visitId) !== a.version;
  }

  mark(a: LateRiskAlert): void {
    this.seen.delete(a.visitId);
    this.seen.set(a.visitId, a.version);
    if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
  }
}

/** Writes one 'visit.late_risk' event per alert not yet raised for that visit version. */
export async function emitLateRiskEvents(
  deps: PlanningDeps,
  municipality: string,
  alerts: LateRiskAlert[],
  dedupe: LateRiskDedupe,
): Promise<LateRiskAlert[]> {
  const fresh = alerts.filter((a) => dedupe.fresh(a));
  if (fresh.length === 0) return [];
  await commitAndPublish(deps, async (_tx, emit) => {
    for (const a of fresh) await emit(municipality, 'visit.late_risk', a);
  });
  for (const a of fresh) dedupe.mark(a);
  return fresh;
}
