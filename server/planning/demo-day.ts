import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import { serviceDayRange } from '../day/service-day.ts';
import { ZONE } from '../domain/stockholm-time.ts';
import { type PlanDaySummary, planServiceDay } from './plan-day.ts';

/** The service day of a local date, as the live snapshot defines it (midnight to 07:30 next). */
export function serviceDayOf(date: string): { from: Date; to: Date } {
  const noon = DateTime.fromISO(`${date}T12:00`, { zone: ZONE });
  if (!noon.isValid) throw new Error(`serviceDayOf: invalid date '${date}'`);
  const { start, end } = serviceDayRange(noon.toJSDate());
  return { from: start, to: end };
}

export interface DemoDayOptions {
  municipalities: readonly string[];
  /** Local date (Europe/Stockholm) whose service day is planned. */
  today: string;
  /** The demo clock: visits planned to end by now are done, those started are in progress. */
  now: Date;
  /** Solver budget per municipality. */
  timeLimitMs: number;
  seed: number;
}

/**
 * Plans today's service day of each municipality of freshly seeded demo data and records the
 * part before `now` as already worked, so dispatch starts from real routes and patients
 * have a history of who visited them.
 */
export async function planDemoDay(db: Db, o: DemoDayOptions): Promise<PlanDaySummary[]> {
  const day = serviceDayOf(o.today);
  const out: PlanDaySummary[] = [];
  for (const municipality of o.municipalities) {
    out.push(
      await planServiceDay(db, {
        municipality,
        ...day,
        now: o.now,
        completeBefore: o.now,
        timeLimitMs: o.timeLimitMs,
        seed: o.seed,
      }),
    );
  }
  return out;
}

/** Totals over municipalities, for one log line. */
export function planTotals(plans: readonly PlanDaySummary[]) {
  const sum = (f: (p: PlanDaySummary) => number) => plans.reduce((s, p) => s + f(p), 0);
  return {
    visits: sum((p) => p.visits),
    assigned: sum((p) => p.assigned),
    unassigned: sum((p) => p.unassigned),
    done: sum((p) => p.done),
    inProgress: sum((p) => p.inProgress),
    solveMs: sum((p) => p.solveMs),
  };
}
