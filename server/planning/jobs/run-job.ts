import type { Db } from '../../../db/client.ts';
import type { EventBus } from '../../live/event-bus.ts';
import type { Logger } from '../../logger.ts';
import type { ProgressSolveFn, SolveProgress } from '../../solver-bridge/run-in-worker.ts';
import { type PlanQuality, planQuality } from '../../solver-bridge/plan-quality.ts';
import { planRows } from '../../solver-bridge/solve-rows.ts';
import { rowsTravel } from '../../travel/rows-travel.ts';
import type { TravelProvider } from '../../travel/travel-provider.ts';
import { serviceDayOf } from '../demo-day.ts';
import { type DayRows, loadDay } from '../load-day.ts';
import { readPlanningSettings } from '../settings/read-settings.ts';
import { solverOptionsOf } from '../settings/solver-options.ts';
import { basisOf, fingerprintOf } from './basis.ts';
import { publishProgress } from './progress-events.ts';
import { type JobRow, beat, finishJob, recordBasis } from './queue.ts';
import type { JobProgress, JobResult, UnplacedReason } from './types.ts';

/**
 * Assigned visits whose caregivers start this long after the job started are planned again
 * (unless pinned); sooner ones stay: their caregivers may already be on the way.
 */
export const REPLAN_LEAD_MS = 2 * 3600_000;

/** The instant from which a job plans assigned visits again (the same when publishing). */
export function replanAfterOf(job: Pick<JobRow, 'startedAt' | 'createdAt'>): Date {
  return new Date((job.startedAt ?? job.createdAt).getTime() + REPLAN_LEAD_MS);
}

/**
 * Share of a job's budget kept for what follows the solve, so the budget bounds the job's
 * wall time: on a Stockholm-sized day (bench/results/plan-day.md, 60 s budget, a loaded
 * machine) the solver's final feasibility pass ran 3.3 s past its limit and loading the day
 * took 4.5 s, and giving the solver the whole budget made the job take 67.8 s.
 */
export const AFTER_SOLVE_SHARE = 0.08;

/**
 * The solver's limit: the budget less the time since the job started and the share kept for
 * after it; never below a tenth of the budget (a slow load still gets a plan).
 */
export function solveLimitMs(budgetSeconds: number, spentMs: number): number {
  const budgetMs = budgetSeconds * 1000;
  return Math.max(budgetMs * 0.1, budgetMs * (1 - AFTER_SOLVE_SHARE) - spentMs);
}

/** A solve that reports progress and can be stopped (runSolveInWorker, or a test's own). */
export type JobSolve = ProgressSolveFn;

export interface RunJobDeps {
  db: Db;
  bus?: EventBus;
  now: () => Date;
  logger: Logger;
  /** Where travel times come from; unset or null: the built-in estimate. */
  travel?: TravelProvider | null;
  solve: JobSolve;
  /** How often a running job beats, writes its progress and looks for a cancel. */
  heartbeatMs: number;
}

/**
 * Runs a claimed job: reads its day (visits, shifts, breaks, delegations, contacts,
 * exclusions, who visited whom in the last 14 days, what is already assigned, started or
 * done), records what the plan is made from, solves it within the job's budget off this
 * thread and stores the proposed plan. The day itself is not changed: publishing does that.
 * `signal` stops it (a cancel in this process); a cancel from any process, or a reaper that
 * took the job away, is seen at the next heartbeat. Returns the finished row, or null when
 * the job was taken away.
 */
export async function runJob(
  deps: RunJobDeps,
  job: JobRow,
  workerId: string,
  signal: AbortSignal,
): Promise<JobRow | null> {
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop);
  const started = performance.now();
  let latest: JobProgress = {
    elapsedMs: 0,
    bestCost: null,
    feasible: false,
    visitsPlaced: 0,
    visitsTotal: 0,
  };
  const events = { db: deps.db, bus: deps.bus, now: deps.now };
  let sent: JobProgress | null = null;
  const ticker = repeat(deps.heartbeatMs, async () => {
    latest = { ...latest, elapsedMs: Math.round(performance.now() - started) };
    if (!(await beat(deps.db, job.id, workerId, latest))) return stop();
    if (sent?.bestCost === latest.bestCost && sent.visitsPlaced === latest.visitsPlaced) return;
    sent = latest;
    await publishProgress(events, job, 'running', latest);
  });
  try {
    const day = await loadDay(deps.db, {
      municipality: job.municipalityCode,
      ...serviceDayOf(job.serviceDate),
      teamId: job.teamId,
      replanAfter: replanAfterOf(job),
    });
    latest = { ...latest, visitsTotal: day.open.length };
    const basis = basisOf(day);
    if (!(await recordBasis(deps.db, job.id, workerId, basis, fingerprintOf(basis)))) return null;
    const result = await planJob(deps, job, day, started, abort.signal, (p) => (latest = p));
    if (abort.signal.aborted) return null;
    const progress: JobProgress = {
      elapsedMs: Math.round(performance.now() - started),
      bestCost: result.summary.cost,
      feasible: true,
      visitsPlaced: result.summary.placed,
      visitsTotal: result.summary.visits,
    };
    await ticker.stop();
    const done = await finishJob(
      deps.db,
      job.id,
      workerId,
      { status: 'done', result, progress },
      deps.now(),
    );
    if (done) await publishProgress(events, job, 'done', progress);
    return done;
  } catch (err) {
    await ticker.stop();
    if (abort.signal.aborted) return null;
    const error = err instanceof Error ? err.message : String(err);
    deps.logger.error('planning job failed', { jobId: job.id, err });
    const failed = await finishJob(
      deps.db,
      job.id,
      workerId,
      { status: 'failed', error },
      deps.now(),
    );
    if (failed) await publishProgress(events, job, 'failed', latest);
    return failed;
  } finally {
    await ticker.stop();
    signal.removeEventListener('abort', stop);
  }
}

/** The day's rows to a proposed plan; an empty day or one without staff gets reasons. */
async function planJob(
  deps: RunJobDeps,
  job: JobRow,
  day: DayRows,
  /** performance.now() when the job started: its budget counts from there. */
  started: number,
  signal: AbortSignal,
  onProgress: (p: JobProgress) => void,
): Promise<JobResult> {
  const summary: JobResult['summary'] = {
    visits: day.open.length,
    placed: 0,
    unplaced: day.open.length,
    shifts: day.caregivers.length,
    fixed: day.fixedVersions.size,
    replanned: day.replanned.size,
    travelSeconds: 0,
    cost: null,
    solveMs: 0,
  };
  if (day.open.length === 0) {
    return { assignments: [], unplaced: [], summary, notes: ['no unassigned visits in the day'] };
  }
  if (day.caregivers.length === 0) {
    return {
      assignments: [],
      unplaced: day.open.map((v) => ({ visitId: v.id, reason: 'no_staff_on_shift' })),
      summary,
      notes: ['no caregiver on shift in the day'],
    };
  }

  let cost: number | null = null;
  let quality: PlanQuality | undefined;
  let firstFeasibleMs: number | null = null;
  const total = day.open.length;
  const rows = {
    staff: day.caregivers,
    visits: [...day.open, ...day.fixed],
    patients: day.patients,
  };
  const travel = await rowsTravel(deps.travel, rows);
  const notes: string[] = [];
  if (travel.fallbackReason) notes.push(`travel estimated: ${travel.fallbackReason}`);
  const settings = await readPlanningSettings(deps.db, job.municipalityCode);
  const plan = await planRows(rows, {
    ...solverOptionsOf(settings),
    origin: day.origin,
    travel: travel.travel,
    name: `job ${job.id}`,
    seed: job.seed,
    // Asked once the problem is built: loading and building count in the budget.
    timeLimitMs: () => solveLimitMs(job.budgetSeconds, performance.now() - started),
    usual: { caregivers: day.usual, staffOfShift: day.staffOfShift },
    solve: async (input, o) => {
      // Open visits as the solver counts them: a two-person visit is two.
      const halves = input.visits.length - day.fixed.length;
      const run = deps.solve(input, {
        seed: o.seed,
        timeLimitMs: o.timeLimitMs,
        initial: o.initial,
        insertFirst: o.insertFirst,
        onProgress: (p) => {
          if (p.feasible && firstFeasibleMs === null) firstFeasibleMs = Math.round(p.elapsedMs);
          onProgress({
            elapsedMs: Math.round(p.elapsedMs),
            bestCost: best(p),
            feasible: p.feasible,
            visitsPlaced:
              p.unassigned === undefined || halves <= 0
                ? 0
                : Math.round((total * Math.max(0, halves - p.unassigned)) / halves),
            visitsTotal: total,
          });
        },
      });
      if (signal.aborted) run.cancel();
      signal.addEventListener('abort', () => run.cancel(), { once: true });
      const solution = await run.result;
      cost = solution.cost;
      quality = planQuality(input, solution, firstFeasibleMs);
      return solution;
    },
  });

  const open = new Map(day.open.map((v) => [v.id, v]));
  const assignments: JobResult['assignments'] = [];
  for (const p of plan.planned) {
    const v = open.get(p.visitId);
    // Fixed stops stay as they are; a two-person visit is planned with both or not at all.
    if (!v || p.staff.length !== v.staffCount) continue;
    assignments.push({
      visitId: p.visitId,
      version: day.versions.get(p.visitId)!,
      staff: p.staff.map((s) => ({
        staffId: day.staffOfShift.get(s.staffId)!,
        plannedStart: s.plannedStart.toISOString(),
        routeOrder: s.routeOrder,
        travelSeconds: s.travelSeconds,
      })),
    });
  }
  const placed = new Set(assignments.map((a) => a.visitId));
  const reasons = new Map(plan.unassigned.map((u) => [u.visitId, u.reason]));
  const unplaced = day.open
    .filter((v) => !placed.has(v.id))
    .map((v) => ({
      visitId: v.id,
      reason: (reasons.get(v.id) ?? 'sync_partner') as UnplacedReason,
    }));
  return {
    assignments,
    unplaced,
    summary: {
      ...summary,
      placed: assignments.length,
      unplaced: unplaced.length,
      travelSeconds: plan.travelSeconds,
      cost,
      solveMs: plan.solveMs,
    },
    notes,
    ...(quality ? { quality } : {}),
  };
}

/** The cost progress shows: the best feasible plan's, else the search's lowest so far. */
function best(p: SolveProgress): number | null {
  if (Number.isFinite(p.bestCost)) return p.bestCost;
  return p.searchCost !== undefined && Number.isFinite(p.searchCost) ? p.searchCost : null;
}

/** Runs `tick` every `ms` (never two at once) until stopped; a failing tick is tried again. */
function repeat(ms: number, tick: () => Promise<unknown>): { stop(): Promise<void> } {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    timer = setTimeout(() => {
      current = tick()
        .catch(() => {})
        .finally(() => {
          if (!stopped) next();
        });
    }, ms);
    timer.unref?.();
  };
  next();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
