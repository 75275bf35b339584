import type { TaskType } from '../../db/reference/task-types.ts';
import type { LiveVisit } from '../../server/live-state/types.ts';
import type { Ranker } from '../../server/suggestions/rank-pool.ts';
import { requiredProfession } from '../../server/visits/create-visit.ts';
import { seededRandom } from '../solver/rng.ts';

/** What urgent calls ask for, as in bench/dispatch/suggestions.ts. */
const TASKS: TaskType[][] = [['supervision'], ['insulin_pen'], ['injection'], ['personal_care']];

export interface RankLoadResult {
  calls: number;
  answered: number;
  busy: number;
  /** Answered null: the worker had no copy (the caller would rank on its own thread). */
  declined: number;
  /** Of answered calls. */
  ms: { p50: number; p95: number; p99: number; max: number };
  /** p99 over every call, a busy answer counted as never answered (Infinity when over 1 %). */
  p99AllCalls: number;
}

/**
 * Urgent calls to the ranking worker at a fixed rate (an open loop: a call is sent on time
 * whether the one before is answered or not, as dispatchers do), each timed from the post to
 * the answer on this thread, until `until` resolves or `seconds` pass.
 */
export async function rankLoad(
  ranker: Ranker,
  o: {
    code: string;
    patients: readonly string[];
    now: () => Date;
    perSecond: number;
    seed: number;
    seconds?: number;
    until?: Promise<unknown>;
  },
): Promise<RankLoadResult> {
  const rnd = seededRandom(o.seed);
  const times: number[] = [];
  let busy = 0;
  let declined = 0;
  const pending: Promise<void>[] = [];
  let stop = false;
  void o.until?.then(() => (stop = true));
  const gap = 1000 / o.perSecond;
  const started = performance.now();
  for (let i = 0; !stop; i++) {
    if (o.seconds !== undefined && performance.now() - started >= o.seconds * 1000) break;
    const due = started + i * gap;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const visit = urgentVisit(o.code, o.patients, o.now(), rnd, i);
    const t = performance.now();
    pending.push(
      ranker.rank(o.code, visit, o.now(), 5).then((r) => {
        if (r === 'busy') busy++;
        else if (r === null) declined++;
        else times.push(performance.now() - t);
      }),
    );
  }
  await Promise.all(pending);
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
  return {
    calls: pending.length,
    answered: times.length,
    busy,
    declined,
    ms: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: sorted[sorted.length - 1] ?? NaN },
    p99AllCalls: [...sorted, ...Array<number>(busy + declined).fill(Infinity)][
      Math.min(pending.length - 1, Math.floor(0.99 * pending.length))
    ],
  };
}

function urgentVisit(
  code: string,
  patients: readonly string[],
  now: Date,
  rnd: () => number,
  i: number,
): LiveVisit {
  const taskTypes = TASKS[Math.floor(rnd() * TASKS.length)];
  const priority = rnd() < 0.5 ? 'urgent1' : 'urgent2';
  return {
    id: `urgent-${i}`,
    municipalityCode: code,
    patientId: patients[Math.floor(rnd() * patients.length)],
    windowStart: now,
    windowEnd: new Date(now.getTime() + (priority === 'urgent1' ? 60 : 240) * 60_000),
    windowHard: false,
    durationMinutes: 30,
    taskTypes,
    requiredProfession: requiredProfession(taskTypes)!,
    staffCount: 1,
    priority,
    pinned: false,
    status: 'unassigned',
    version: 1,
    assignees: [],
  };
}
