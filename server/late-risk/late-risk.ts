import { LRUCache } from 'lru-cache';
import { raisedLateRisks } from '../../db/schema/index.ts';
import { loadMunicipalityState } from '../live-state/load-state.ts';
import type { RouteStop } from '../live-state/municipality-state.ts';
import type { TravelMode } from '../../db/reference/professions.ts';
import type { LatLon } from '../solver-bridge/travel.ts';
import { estimateProvider } from '../travel/estimate-provider.ts';
import type { TravelProvider } from '../travel/travel-provider.ts';
import { toLocalIso } from '../domain/stockholm-time.ts';
import type { PlanningDeps } from '../suggestions/suggestions.ts';
import { SYSTEM, runCommand } from '../commands/run-command.ts';

const DEFAULT_TRAVEL = estimateProvider();
const ALERTS_PER_COMMIT = 100;
/** Visits this long past their window are forgotten, as in the repair. */
const STALE_MS = 12 * 3600_000;

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

/** How far ahead routes are followed for alerts. */
const AHEAD_MS = 16 * 3600_000;

/**
 * Visits that will start after their window at the pace the routes now allow: each
 * caregiver on shift leaves their position (else base) now, or when the visit in progress
 * ends, and works through their assigned, not-started visits in route order. Reads the live
 * state when the process keeps one, else the database.
 */
export async function lateRiskAlerts(
  deps: PlanningDeps,
  municipality: string,
): Promise<LateRiskAlert[]> {
  const now = deps.now();
  const state =
    deps.liveState?.get(municipality) ?? (await loadMunicipalityState(deps.db, municipality, now));
  if (!state) return [];
  const travel = deps.travel ?? DEFAULT_TRAVEL;
  const until = now.getTime() + AHEAD_MS;
  const alerts: LateRiskAlert[] = [];
  for (const member of state.staff.values()) {
    const onShift = member.shifts.some(
      (s) => s.endsAt.getTime() > now.getTime() && s.startsAt.getTime() < until,
    );
    if (!onShift) continue;
    let t = now.getTime();
    const route: RouteStop[] = [];
    for (const stop of state.routeOf(member.id)) {
      const v = stop.visit;
      if (v.status === 'in_progress') {
        t = Math.max(t, stop.plannedStart + v.durationMinutes * 60_000);
      } else if (
        v.windowStart.getTime() < until &&
        v.windowEnd.getTime() > now.getTime() - STALE_MS
      ) {
        route.push(stop);
      }
    }
    if (route.length === 0) continue;
    const position = deps.positions?.get(member.id, now) ?? state.positions.get(member.id);
    const points = [
      position ?? member.base,
      ...route.map((r) => state.patients.get(r.visit.patientId)!),
    ];
    if (points.some((p) => !p)) continue; // a patient not read yet: the next pass has them
    const legs = await legSeconds(travel, points, member.travelMode);
    route.forEach(({ visit: v }, i) => {
      t += legs[i] * 1000;
      const start = Math.max(t, v.windowStart.getTime());
      if (start > v.windowEnd.getTime()) {
        alerts.push({
          visitId: v.id,
          staffId: member.id,
          version: v.version,
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
  return alerts.sort((a, b) => a.eta.localeCompare(b.eta) || a.visitId.localeCompare(b.visitId));
}

/**
 * Seconds of each leg of a route through `points`, in order: single trips when the source
 * has them (a pass covers every route, and a matrix costs the square of its length), else the
 * matrix's next-point entries (a road network's: one table per route).
 */
async function legSeconds(
  provider: TravelProvider,
  points: LatLon[],
  mode: TravelMode,
): Promise<number[]> {
  const legs: number[] = [];
  const travel = provider.sync;
  if (travel?.trip) {
    for (let i = 0; i + 1 < points.length; i++)
      legs.push(travel.trip(points[i], points[i + 1], mode).seconds);
    return legs;
  }
  const { durations } = travel
    ? travel.matrices(points, mode)
    : await provider.matrix(points, mode);
  for (let i = 0; i + 1 < points.length; i++) legs.push(durations[i * points.length + i + 1]);
  return legs;
}

/** Remembers which (visit, version) was alerted, so a poll loop alerts each once. Bounded. */
export class LateRiskDedupe {
  private readonly seen: LRUCache<string, number>;
  constructor(maxEntries = 50_000) {
    this.seen = new LRUCache({ max: maxEntries });
  }

  fresh(a: LateRiskAlert): boolean {
    return this.seen.peek(a.visitId) !== a.version; // peek: only marking makes one recent
  }

  mark(a: LateRiskAlert): void {
    this.seen.set(a.visitId, a.version);
  }
}

/**
 * Writes one 'visit.late_risk' event per alert not yet raised for that visit version, by this
 * process or another: each is recorded in raised_late_risks in the same transaction, and one
 * another process recorded first (their passes raced) is left out. Returns those written.
 */
export async function emitLateRiskEvents(
  deps: PlanningDeps,
  municipality: string,
  alerts: LateRiskAlert[],
  dedupe: LateRiskDedupe,
): Promise<LateRiskAlert[]> {
  // Raised already here, or by another process (its event reached the live state).
  const raised = deps.liveState?.get(municipality)?.lateRisks;
  const fresh = alerts.filter((a) => dedupe.fresh(a) && raised?.get(a.visitId) !== a.version);
  const written: LateRiskAlert[] = [];
  // A short transaction per chunk: appending events holds the municipality's sequence row,
  // and a dispatcher's write waits behind it.
  for (let i = 0; i < fresh.length; i += ALERTS_PER_COMMIT) {
    const chunk = fresh.slice(i, i + ALERTS_PER_COMMIT);
    const mine = await runCommand(deps, SYSTEM, async ({ tx, emitAll }) => {
      // In one order, so two passes inserting the same alerts wait for each other, never
      // each for the other.
      const keys = [...new Map(chunk.map((a) => [alertKey(a), a])).values()]
        .sort((a, b) => a.visitId.localeCompare(b.visitId))
        .map((a) => ({ visitId: a.visitId, version: a.version }));
      const recorded = await tx
        .insert(raisedLateRisks)
        .values(keys)
        .onConflictDoNothing()
        .returning({ visitId: raisedLateRisks.visitId, version: raisedLateRisks.version });
      const won = new Set(recorded.map(alertKey));
      // A two-person visit late for both caregivers: one record, an alert for each.
      const out = chunk.filter((a) => won.has(alertKey(a)));
      if (out.length > 0) {
        await emitAll(
          municipality,
          out.map((a) => ({ type: 'visit.late_risk', payload: a })),
        );
      }
      return out;
    });
    written.push(...mine);
    for (const a of chunk) dedupe.mark(a);
  }
  return written;
}

function alertKey(a: { visitId: string; version: number }): string {
  return `${a.visitId}@${a.version}`;
}
