/**
 * Plans a Stockholm-city-sized day through the planning job (issue 18, performance): the
 * time to 'done', the plan checked by the solver's validator, the visits left out that a
 * caregiver could still take, travel and continuity against cheapest insertion alone, and
 * the suggestion latency of live dispatch idle and while the plan runs.
 *
 *   npm run bench:plan-day -- [--scale 1] [--municipality 0180] [--seed 1] [--budget 60]
 *       [--today-plan-ms 10000] [--history-days 13] [--rate 20] [--idle-seconds 30]
 *       [--database-url URL] [--results DIR|none] [--save-input FILE]
 *
 * Seeds the demo data (today 2026-11-24 and tomorrow) into an in-memory PGlite (or the empty
 * PostgreSQL database at --database-url), plans today at 10:00 as the demo does (so dispatch
 * has routes and patients a day of history), writes 13 more days of done visits (city-history.ts),
 * then queues a job for tomorrow as POST /api/planning/.../jobs does (createJob) and lets the
 * server's PlanningWorker run it (solver on the piscina pool), while the ranking worker
 * answers urgent calls at a fixed rate. Writes bench/results/plan-day[-postgres].{md,json}.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { assignments, patients, shifts, staff, users, visits } from '../../db/schema/index.ts';
import { seedDemoData } from '../../db/seed/seed.ts';
import { KNOWN_DAYS } from '../../server/day/service-day.ts';
import { createEventBus } from '../../server/live/create-bus.ts';
import { LiveState } from '../../server/live-state/live-state.ts';
import { createLogger } from '../../server/logger.ts';
import { planDemoDay, serviceDayOf } from '../../server/planning/demo-day.ts';
import { createJob } from '../../server/planning/jobs/create-job.ts';
import { getJob } from '../../server/planning/jobs/queue.ts';
import type { JobResult } from '../../server/planning/jobs/types.ts';
import { PlanningWorker } from '../../server/planning/jobs/worker-loop.ts';
import { runSolveInWorker, type SolveProgress } from '../../server/solver-bridge/run-in-worker.ts';
import {
  prestartSolverWorker,
  stopSpareSolverWorker,
} from '../../server/solver-bridge/spare-worker.ts';
import { RankWorker } from '../../server/suggestions/rank-in-worker.ts';
import type { ProblemInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import { describeMachine } from '../cli/machine.ts';
import { BENCH_DAY, benchInstant } from '../dispatch/planned-world.ts';
import { synthesiseHistory } from './city-history.ts';
import {
  cheapestInsertion,
  type DayContext,
  placeableLeftOut,
  planFigures,
} from './plan-checks.ts';
import { rankLoad } from './rank-load.ts';
import { writePlanDayResults } from './write-plan-day.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    municipality: { type: 'string', default: '0180' },
    seed: { type: 'string', default: '1' },
    budget: { type: 'string', default: '60' },
    'today-plan-ms': { type: 'string', default: '10000' },
    'history-days': { type: 'string', default: '13' },
    rate: { type: 'string', default: '20' },
    'idle-seconds': { type: 'string', default: '30' },
    'database-url': { type: 'string' },
    results: { type: 'string', default: 'bench/results' },
    /** Writes the solver's input (JSON) here, to replay the solve alone (bench/planning/replay-solve.ts). */
    'save-input': { type: 'string' },
  },
});
const code = values.municipality;
const seed = Number(values.seed);
const url = values['database-url'];
const TOMORROW = '2026-11-25';
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const loads: { at: string; load: number[] }[] = [];
const noteLoad = (at: string) =>
  loads.push({ at, load: loadavg().map((l) => Math.round(l * 100) / 100) });

// The bench clock: 10:00 on the bench day, running at wall speed.
const benchNow = benchInstant('10:00').getTime();
const wallStart = Date.now();
const now = () => new Date(benchNow + (Date.now() - wallStart));

const database = url
  ? await openDatabase({ kind: 'postgres', url, maxConnections: 5 })
  : await openDatabase({ kind: 'pglite', dataDir: null });
const logger = createLogger('warn');
// The ranking worker and the solver pool are unref'd (a server's listener keeps it alive).
const keepAlive = setInterval(() => {}, 1000);
try {
  noteLoad('start');
  await migrateDatabase(database);
  let t = performance.now();
  const seeded = await seedDemoData(database.db, {
    seed,
    scale: Number(values.scale),
    today: BENCH_DAY,
    municipalities: [code],
  });
  const seedMs = performance.now() - t;
  log('seeded', JSON.stringify(seeded), Math.round(seedMs), 'ms');
  t = performance.now();
  const [todayPlan] = await planDemoDay(database.db, {
    municipalities: [code],
    today: BENCH_DAY,
    now: now(),
    timeLimitMs: Number(values['today-plan-ms']),
    seed,
  });
  log('today planned', JSON.stringify(todayPlan), Math.round(performance.now() - t), 'ms');
  const today = serviceDayOf(BENCH_DAY);
  const history = await synthesiseHistory(database.db, {
    municipality: code,
    ...today,
    days: Number(values['history-days']),
    keep: 0.6,
    seed,
  });
  log('history', history.visits, 'visits');

  // Live dispatch as in production: the live state on this thread, ranking on its worker.
  const bus = await createEventBus(database);
  const live = new LiveState({ db: database.db, bus, now, logger, refreshMs: 0 });
  await live.start([code]);
  const ranker = new RankWorker(live, logger);
  await ranker.start();
  prestartSolverWorker();
  const livePatients = [...live.get(code)!.patients.keys()].sort();
  const rate = Number(values.rate);
  await rankLoad(ranker, {
    code,
    patients: livePatients,
    now,
    perSecond: rate,
    seed: seed + 1,
    seconds: 5,
  });
  noteLoad('idle start');
  const idle = await rankLoad(ranker, {
    code,
    patients: livePatients,
    now,
    perSecond: rate,
    seed,
    seconds: Number(values['idle-seconds']),
  });
  noteLoad('idle end');
  log('idle suggestions', JSON.stringify(idle));

  // The job: queued as the route does, run by the server's planning worker.
  let firstFeasibleMs: number | null = null;
  let solveCalledAt = 0;
  let solveEndedAt = 0;
  let solveLimit = 0;
  let lastProgress: SolveProgress | null = null;
  let captured: { input: ProblemInput; solution: Solution | null } | null = null;
  const worker = new PlanningWorker(
    {
      db: database.db,
      bus,
      now,
      logger,
      travel: null,
      solve: (input, o) => {
        captured = { input, solution: null };
        solveCalledAt = performance.now();
        solveLimit = o.timeLimitMs;
        // The solver's own progress, kept: when the search first had a feasible plan, and its iterations.
        const run = runSolveInWorker(input, {
          ...o,
          onProgress: (p) => {
            o.onProgress?.(p);
            if (p.feasible && firstFeasibleMs === null) firstFeasibleMs = Math.round(p.elapsedMs);
            lastProgress = p;
          },
        });
        void run.result.then((s) => {
          solveEndedAt = performance.now();
          captured!.solution = s;
        });
        return run;
      },
    },
    { pollMs: 200 },
  );
  // The scheduler who asks: an admin of its own, as a principal from a log-in would be.
  const [user] = await database.db
    .insert(users)
    .values({ username: 'bench-planner', passwordHash: 'unusable', role: 'admin' })
    .returning({ id: users.id });
  const admin = {
    userId: user.id,
    username: 'bench-planner',
    role: 'admin' as const,
    municipalities: [],
    teams: [],
    staffId: null,
  };
  const jobStarted = performance.now();
  const job = await createJob({ db: database.db, now }, admin, {
    municipality: code,
    date: TOMORROW,
    budgetSeconds: Number(values.budget),
  });
  worker.start();
  let finished: NonNullable<Awaited<ReturnType<typeof getJob>>> | null = null;
  const done = (async () => {
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const row = await getJob(database.db, job.id);
      if (row && ['done', 'failed', 'cancelled'].includes(row.status)) return (finished = row);
    }
  })();
  noteLoad('plan start');
  const during = await rankLoad(ranker, {
    code,
    patients: livePatients,
    now,
    perSecond: rate,
    seed,
    until: done,
  });
  await done;
  const jobMs = performance.now() - jobStarted;
  noteLoad('plan end');
  log('job', finished!.status, Math.round(jobMs), 'ms; suggestions during', JSON.stringify(during));
  await worker.stop();
  await ranker.close();
  await live.close();
  await stopSpareSolverWorker();
  if (finished!.status !== 'done' || !captured)
    throw new Error(`job ${finished!.status}: ${finished!.error}`);
  const { input, solution } = captured as { input: ProblemInput; solution: Solution | null };
  if (!solution) throw new Error('no solution captured');
  const result = finished!.result as JobResult;
  if (values['save-input']) writeFileSync(values['save-input'], JSON.stringify(input));

  // The day as the checks need it: shifts to staff, the 14 days before, contacts.
  const tomorrow = serviceDayOf(TOMORROW);
  const shiftRows = await database.db
    .select({ id: shifts.id, staffId: shifts.staffId })
    .from(shifts)
    .where(eq(shifts.municipalityCode, code));
  const since = new Date(tomorrow.from.getTime() - KNOWN_DAYS * 86_400_000);
  const past = await database.db
    .selectDistinct({ patientId: visits.patientId, staffId: assignments.staffId })
    .from(assignments)
    .innerJoin(visits, eq(visits.id, assignments.visitId))
    .where(
      and(
        eq(visits.municipalityCode, code),
        gte(visits.windowStart, since),
        lt(visits.windowStart, tomorrow.from),
        inArray(visits.status, ['done', 'in_progress', 'en_route', 'assigned']),
      ),
    );
  const historyOf = new Map<string, Set<string>>();
  for (const r of past)
    historyOf.set(r.patientId, (historyOf.get(r.patientId) ?? new Set()).add(r.staffId));
  const contacts = await database.db
    .select({ id: patients.id, contact: patients.contactStaffId })
    .from(patients)
    .where(eq(patients.municipalityCode, code));
  const day: DayContext = {
    staffOfShift: new Map(shiftRows.map((s) => [s.id, s.staffId])),
    history: historyOf,
    contactOf: new Map(contacts.map((c) => [c.id, c.contact])),
  };

  t = performance.now();
  const planned = planFigures(input, solution, day);
  const validateMs = performance.now() - t;
  const placeable = placeableLeftOut(input, solution);
  log('planned', JSON.stringify(planned), 'placeable', JSON.stringify(placeable));
  const base = cheapestInsertion(input, job.seed);
  const baseline = planFigures(input, base.solution, day);
  log('baseline', base.ms, 'ms', JSON.stringify(baseline));
  noteLoad('end');

  const onShift = await database.db
    .select({ profession: staff.profession })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .where(
      and(
        eq(shifts.municipalityCode, code),
        lt(shifts.startsAt, tomorrow.to),
        gte(shifts.endsAt, tomorrow.from),
      ),
    );
  const twoPerson = new Set(input.visits.filter((v) => v.id.endsWith('#2')).map((v) => v.id)).size;
  writePlanDayResults(values.results, {
    benchmark: 'plan-day',
    date: new Date().toISOString(),
    command: ['npm run bench:plan-day --', ...process.argv.slice(2)].join(' '),
    database: url ? 'postgres' : 'pglite',
    machine: describeMachine(),
    loads,
    world: {
      municipality: code,
      scale: Number(values.scale),
      seeded,
      seedMs: Math.round(seedMs),
      todayPlan,
      historyDays: Number(values['history-days']) + 1,
      historyVisitsWritten: history.visits,
      patientsWithHistory: historyOf.size,
      tomorrow: TOMORROW,
      open: result.summary.visits,
      caregiverShifts: input.caregivers.length,
      shiftsByProfession: countBy(onShift.map((r) => r.profession)),
      solverVisits: input.visits.length,
      twoPersonVisits: twoPerson,
      fixedStops: result.summary.fixed,
    },
    job: {
      budgetSeconds: Number(values.budget),
      wallToDoneMs: Math.round(jobMs),
      solveMs: result.summary.solveMs,
      placed: result.summary.placed,
      unplaced: result.summary.unplaced,
      unplacedReasons: countBy(result.unplaced.map((u) => u.reason)),
      travelSeconds: result.summary.travelSeconds,
      notes: result.notes,
      /** When the search first held a feasible plan (null: only the final pass made one). */
      firstFeasibleMs,
      /** Where the wall time went: queue, claim, load and build; the solver's run; mapping and storing (to 100 ms). */
      phasesMs: {
        beforeSolve: Math.round(solveCalledAt - jobStarted),
        solverLimit: Math.round(solveLimit),
        solve: Math.round(solveEndedAt - solveCalledAt),
        afterSolve: Math.round(jobStarted + jobMs - solveEndedAt),
      },
      iterations: (lastProgress as SolveProgress | null)?.iteration ?? null,
    },
    validateMs: Math.round(validateMs),
    planned,
    placeable,
    baseline: { ...baseline, ms: base.ms, unplaced: base.solution.unassigned.length },
    suggestions: { perSecond: rate, idle, during, ratioP99: during.ms.p99 / idle.ms.p99 },
  });
} finally {
  clearInterval(keepAlive);
  await database.close();
}

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
