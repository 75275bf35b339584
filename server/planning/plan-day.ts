import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { municipalities } from '../../db/schema/index.ts';
import { SYSTEM, runCommand } from '../commands/run-command.ts';
import { AppError } from '../http/errors.ts';
import type { EventBus } from '../live/event-bus.ts';
import type { UnassignedReason } from '../solver-bridge/plan-mapping.ts';
import { type SolveFn, planRows } from '../solver-bridge/solve-rows.ts';
import type { TravelReport } from '../travel/prepare-travel.ts';
import { rowsTravel, travelReport } from '../travel/rows-travel.ts';
import type { TravelProvider } from '../travel/travel-provider.ts';
import { loadDay } from './load-day.ts';
import { readPlanningSettings } from './settings/read-settings.ts';
import { solverOptionsOf } from './settings/solver-options.ts';
import { type PlannedVisit, writePlan } from './write-plan.ts';

export type PlanSolveFn = SolveFn;

export interface PlanDayOptions {
  municipality: string;
  /** The service day: unassigned visits whose window starts in [from, to) are planned. */
  from: Date;
  to: Date;
  /** Time of the write. */
  now: Date;
  timeLimitMs: number;
  seed: number;
  /** Record the plan as under way at this instant (see WriteOptions.completeBefore). */
  completeBefore?: Date;
  /** The 'day.planned' event is published here after the commit. */
  bus?: EventBus;
  /** Where travel times come from; unset: the built-in estimate. */
  travel?: TravelProvider | null;
  /**
   * Defaults to solving on this thread, which blocks it for `timeLimitMs`: right for the
   * seed and for start-up before the server listens; a serving process passes a worker.
   */
  solve?: PlanSolveFn;
}

export interface PlanDaySummary {
  municipality: string;
  from: Date;
  to: Date;
  /** Solver caregivers: one per shift that overlaps the day. */
  shifts: number;
  /** Unassigned visits found in the day. */
  visits: number;
  assigned: number;
  unassigned: number;
  done: number;
  inProgress: number;
  /** Planned by the solver but not written (changed meanwhile, or clashing). */
  skipped: number;
  unassignedReasons: Partial<Record<UnassignedReason, number>>;
  /** Travel of the solved routes (fixed stops included). */
  travelSeconds: number;
  /** Where the travel times came from, and why the road network was not used if it was not. */
  travel: TravelReport;
  solveMs: number;
  totalMs: number;
}

/**
 * Plans a municipality's service day: every unassigned visit whose window starts in
 * [from, to) is routed over the shifts that overlap it, around what those caregivers already
 * do. The plan is written in one transaction (assignments, visits 'assigned' with their
 * version bumped, one 'day.planned' event) and published after the commit. Visits the solver
 * leaves out stay unassigned.
 */
export async function planServiceDay(db: Db, o: PlanDayOptions): Promise<PlanDaySummary> {
  const started = performance.now();
  await checkOptions(db, o);
  const day = await loadDay(db, o);
  const summary: PlanDaySummary = {
    municipality: o.municipality,
    from: o.from,
    to: o.to,
    shifts: day.caregivers.length,
    visits: day.open.length,
    assigned: 0,
    unassigned: day.open.length,
    done: 0,
    inProgress: 0,
    skipped: 0,
    unassignedReasons: {},
    travelSeconds: 0,
    travel: { source: 'estimate' },
    solveMs: 0,
    totalMs: 0,
  };

  let planned: PlannedVisit[] = [];
  if (day.open.length > 0 && day.caregivers.length === 0) {
    summary.unassignedReasons.no_qualified_caregiver = day.open.length;
  } else if (day.open.length > 0) {
    const rows = {
      staff: day.caregivers,
      visits: [...day.open, ...day.fixed],
      patients: day.patients,
    };
    const travel = await rowsTravel(o.travel, rows);
    summary.travel = travelReport(travel);
    const settings = await readPlanningSettings(db, o.municipality);
    const plan = await planRows(rows, {
      ...solverOptionsOf(settings),
      origin: day.origin,
      travel: travel.travel,
      name: `day ${o.municipality} ${o.from.toISOString()}`,
      seed: o.seed,
      timeLimitMs: o.timeLimitMs,
      solve: o.solve,
      usual: { caregivers: day.usual, staffOfShift: day.staffOfShift },
    });
    summary.solveMs = plan.solveMs;
    summary.travelSeconds = plan.travelSeconds;
    const open = new Map(day.open.map((v) => [v.id, v]));
    planned = plan.planned
      // A two-person visit is planned with both caregivers or not at all.
      .filter((p) => p.staff.length === open.get(p.visitId)?.staffCount)
      .map((p) => ({
        visitId: p.visitId,
        durationMinutes: open.get(p.visitId)!.durationMinutes,
        staff: p.staff.map((s) => ({ ...s, staffId: day.staffOfShift.get(s.staffId)! })),
      }));
    for (const u of plan.unassigned) {
      if (!open.has(u.visitId)) continue;
      summary.unassignedReasons[u.reason] = (summary.unassignedReasons[u.reason] ?? 0) + 1;
    }
  }

  // Planning is the system's own change (the demo day, the seed): no person's audit rows.
  const deps = { db, bus: o.bus, now: () => o.now };
  const written = await runCommand(deps, SYSTEM, async ({ tx, emit }) => {
    const w = await writePlan(tx, planned, {
      versions: day.versions,
      now: o.now,
      completeBefore: o.completeBefore,
    });
    await emit(o.municipality, 'day.planned', {
      from: o.from.toISOString(),
      to: o.to.toISOString(),
      assigned: w.assigned,
      unassigned: day.open.length - w.assigned,
    });
    return w;
  });
  summary.assigned = written.assigned;
  summary.unassigned = day.open.length - written.assigned;
  summary.done = written.done;
  summary.inProgress = written.inProgress;
  summary.skipped = written.skipped.length;
  summary.totalMs = Math.round(performance.now() - started);
  return summary;
}

async function checkOptions(db: Db, o: PlanDayOptions): Promise<void> {
  const bad = (field: string, message: string) =>
    new AppError(400, 'validation_failed', 'The planning request is not valid', [
      { field, message },
    ]);
  if (Number.isNaN(o.from.getTime()) || Number.isNaN(o.to.getTime()) || !(o.from < o.to))
    throw bad('to', 'the day must be a valid range with from before to');
  if (o.to.getTime() - o.from.getTime() > 48 * 3600_000)
    throw bad('to', 'the day may be at most 48 hours long');
  if (!Number.isFinite(o.timeLimitMs) || o.timeLimitMs < 0)
    throw bad('timeLimitMs', 'must be a number of milliseconds, at least 0');
  if (!Number.isSafeInteger(o.seed)) throw bad('seed', 'must be an integer');
  const [m] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, o.municipality));
  if (!m) {
    throw new AppError(404, 'not_found', `Unknown municipality '${o.municipality}'`, [
      { field: 'municipality', message: 'no such municipality' },
    ]);
  }
}
