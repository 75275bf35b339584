import type { TaskType } from '../../../db/reference/task-types.ts';
import type { carePlans, visits } from '../../../db/schema/index.ts';
import { addDays, localToUtc } from '../../../db/seed/local-time.ts';
import type { Rng } from '../../../db/seed/prng.ts';
import { plannedDay } from '../../planning/generate/planned-day.ts';
import { DEFAULT_RESPONSE_MINUTES } from '../../visits/urgent-visit.ts';

type CarePlanRow = typeof carePlans.$inferSelect;
type VisitInsert = typeof visits.$inferInsert;

/**
 * The visits the care plans made on a past day, as generating the day does (plannedDay:
 * a patient's overlapping combinable plans in one visit), registered the noon before.
 * `plans` in a stable order (patient, window start, id): the ids follow it.
 */
export function planVisitsOf(
  plans: readonly CarePlanRow[],
  municipality: string,
  date: string,
  rng: Rng,
): VisitInsert[] {
  const registered = localToUtc(addDays(date, -1), '12:00');
  return plannedDay(plans, [], municipality, date, true).map((p) => ({
    ...p,
    id: rng.uuid(),
    status: 'unassigned' as const,
    createdAt: registered,
    updatedAt: registered,
  }));
}

/** Urgent calls a day per planned visit (falls, blocked catheters, pain, a worried family). */
export const URGENT_PER_PLANNED = 0.04;

const URGENT_KINDS: readonly (readonly [
  { tasks: TaskType[]; minutes: [number, number]; priority1: number },
  number,
])[] = [
  [{ tasks: ['nursing_assessment'], minutes: [20, 40], priority1: 0.4 }, 4],
  [{ tasks: ['catheter_change'], minutes: [30, 45], priority1: 0.3 }, 2],
  [{ tasks: ['injection'], minutes: [15, 25], priority1: 0.5 }, 1],
  [{ tasks: ['wound_dressing'], minutes: [20, 35], priority1: 0.2 }, 1],
  [{ tasks: ['lift_assist'], minutes: [20, 30], priority1: 0.6 }, 2],
];

/**
 * The urgent calls of a past day: about URGENT_PER_PLANNED per planned visit (at least one
 * every other day), most in the day and evening, each registered at its time with the
 * window the console gives one (now until the priority's response target).
 */
export function urgentCallsOf(
  patientIds: readonly string[],
  municipality: string,
  date: string,
  plannedCount: number,
  rng: Rng,
): VisitInsert[] {
  if (patientIds.length === 0) return [];
  const expected = Math.max(0.5, plannedCount * URGENT_PER_PLANNED);
  const n = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
  const out: VisitInsert[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rng.weighted(URGENT_KINDS);
    const period = rng.weighted([
      [[7 * 60, 15 * 60], 55],
      [[15 * 60, 22 * 60], 33],
      [[60, 6 * 60], 12],
    ] as const);
    const minute = rng.int(period[0], period[1] - 1);
    const at = localToUtc(date, `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
    const registered = new Date(at.getTime() + rng.int(0, 59) * 1000);
    const priority = rng.chance(kind.priority1) ? ('urgent1' as const) : ('urgent2' as const);
    const end = new Date(registered.getTime() + DEFAULT_RESPONSE_MINUTES[priority] * 60_000);
    out.push({
      id: rng.uuid(),
      municipalityCode: municipality,
      patientId: rng.pick(patientIds),
      carePlanId: null,
      windowStart: registered,
      windowEnd: end,
      windowHard: false,
      durationMinutes: rng.int(kind.minutes[0], kind.minutes[1]),
      taskTypes: kind.tasks,
      requiredProfession: kind.tasks[0] === 'lift_assist' ? 'an' : 'rn',
      staffCount: 1,
      priority,
      source: 'urgent_call',
      status: 'unassigned',
      createdAt: registered,
      updatedAt: registered,
    });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
