import { AppError } from '../../http/errors.ts';
import { parseInstant, toLocalIso } from '../../domain/stockholm-time.ts';
import type { Tx } from '../../events/append-events.ts';
import { type PricedPlan, pricePlans } from '../../solver-bridge/price-plans.ts';
import type { VisitRow } from '../../solver-bridge/problem-rows.ts';
import { rowsTravel } from '../../travel/rows-travel.ts';
import type { TravelProvider } from '../../travel/travel-provider.ts';
import { serviceDayOf } from '../demo-day.ts';
import { type DayRows, loadDay } from '../load-day.ts';
import { basisChanges, basisOf } from '../jobs/basis.ts';
import type { JobRow } from '../jobs/queue.ts';
import { replanAfterOf } from '../jobs/run-job.ts';
import type { DayBasis, JobResult } from '../jobs/types.ts';
import { costDelta, type MoveDelta } from '../../solver-bridge/move-cost-delta.ts';
import { overridable } from './hard-rules.ts';
import { readPlanningSettings } from '../settings/read-settings.ts';
import { solverOptionsOf } from '../settings/solver-options.ts';

/** A scheduler's move in a proposal: this visit (or its half made by `fromStaffId`) to `staffId`. */
export interface MoveInput {
  visitId: string;
  staffId: string;
  /** Where in the caregiver's route, as a start; the solver times the route from it. */
  start?: string;
  /** Of a two-person visit: the caregiver whose half moves. */
  fromStaffId?: string;
}

export interface PricedMove {
  /** The moved visit as the solver schedules it after the move. */
  moved: { visitId: string; staffIds: string[]; start: string };
  delta: MoveDelta;
  /** Hard rules the plan breaks after the move and did not before (a scheduler may accept). */
  brokenRules: string[];
  /** The proposal with the move made, for apply. */
  result: JobResult;
  /** Whose visit it is: the audit's subject when applied. */
  patientId: string;
}

const bad = (field: string, message: string, what = 'The move is not valid') =>
  new AppError(400, 'validation_failed', what, [{ field, message }]);

/**
 * A done, unpublished job's proposal and the day as the job read it; refused with a 409 when
 * the job is not done, is published, or the day changed since (publishing would refuse it).
 */
export async function readProposal(
  db: Tx,
  job: JobRow,
): Promise<{ day: DayRows; result: JobResult }> {
  if (job.publishedAt) {
    throw new AppError(409, 'conflict', 'The plan is already published', [
      { field: 'path.id', message: `published at ${job.publishedAt.toISOString()}` },
    ]);
  }
  if (job.status !== 'done' || !job.result || !job.basis) {
    throw new AppError(
      409,
      'conflict',
      `The job is ${job.status}: only a done job's plan is edited`,
      [{ field: 'path.id', message: `job is ${job.status}` }],
    );
  }
  const day = await loadDay(db, {
    municipality: job.municipalityCode,
    ...serviceDayOf(job.serviceDate),
    teamId: job.teamId,
    replanAfter: replanAfterOf(job),
  });
  const changes = basisChanges(job.basis as DayBasis, basisOf(day));
  if (changes.length > 0) {
    throw new AppError(
      409,
      'conflict',
      'The day changed since the plan was made: plan it again',
      changes,
    );
  }
  return { day, result: job.result as JobResult };
}

/** The caregiver's solver id (shift) that covers `at`, else their first shift of the day. */
export function shiftAtOf(day: DayRows) {
  return (staffId: string, at: Date): string | undefined => {
    const all = day.caregivers.filter((c) => day.staffOfShift.get(c.id) === staffId);
    return (all.find((c) => c.shift.startsAt <= at && at < c.shift.endsAt) ?? all[0])?.id;
  };
}

/** The day's open visits with their caregivers in the proposal (solver ids), as bridge rows. */
export function proposalRows(day: DayRows, result: JobResult): VisitRow[] {
  const shiftAt = shiftAtOf(day);
  const planned = new Map(result.assignments.map((a) => [a.visitId, a]));
  return day.open.map((v) => ({
    ...v,
    assignees: (planned.get(v.id)?.staff ?? []).map((s) => {
      const at = new Date(s.plannedStart);
      return { staffId: shiftAt(s.staffId, at)!, plannedStart: at, routeOrder: s.routeOrder };
    }),
  }));
}

/**
 * Prices a move in a finished job's proposal with the solver's own evaluation: the day is
 * read as the job read it, the proposal and the proposal with the move are timed and priced
 * alike (pricePlans) with the municipality's planning settings, and the difference is split
 * by kind. Refused: a job not done or already published (409), a day changed since (409), a
 * visit not in the proposal's open visits, a caregiver not on shift, or a move breaking a
 * rule no scheduler may override (400).
 */
export async function priceMove(
  db: Tx,
  travel: TravelProvider | null | undefined,
  job: JobRow,
  input: MoveInput,
): Promise<PricedMove> {
  const { day, result } = await readProposal(db, job);
  const visit = day.open.find((v) => v.id === input.visitId);
  if (!visit) {
    throw bad(
      'body.visitId',
      'not an open visit of this proposal (locked, started, done or another day)',
    );
  }
  const shiftAt = shiftAtOf(day);
  if (!day.caregivers.some((c) => day.staffOfShift.get(c.id) === input.staffId))
    throw bad('body.staffId', 'not on shift in this day (or not in this job)');

  const current = result.assignments.find((a) => a.visitId === visit.id);
  const staffNow = current?.staff ?? [];
  let from = staffNow[0];
  if (visit.staffCount === 2) {
    if (!current)
      throw bad('body.visitId', 'a two-person visit left out is placed by planning again');
    from = staffNow.find((s) => s.staffId === input.fromStaffId)!;
    if (!from) throw bad('body.fromStaffId', 'name the caregiver whose half of the visit moves');
  }
  const start = startOf(input, visit, day.lockedAt.get(visit.id), from?.plannedStart);
  const others = staffNow.filter((s) => s !== from);
  if (others.some((s) => s.staffId === input.staffId))
    throw bad(
      'body.staffId',
      'already makes this two-person visit',
      'The move breaks a rule: two_person',
    );

  const toRow = (
    v: (typeof day.open)[number],
    staff: { staffId: string; plannedStart: Date; routeOrder: number }[],
  ) => ({
    ...v,
    assignees: staff.map((s) => ({ ...s, staffId: shiftAt(s.staffId, s.plannedStart)! })),
  });
  const before = proposalRows(day, result);
  const after: VisitRow[] = before.map((v) =>
    v.id !== visit.id
      ? v
      : toRow(v, [
          ...others.map((s) => ({ ...s, plannedStart: new Date(s.plannedStart) })),
          { staffId: input.staffId, plannedStart: start, routeOrder: 0 },
        ]),
  );
  const rows = {
    staff: day.caregivers,
    visits: [...day.open, ...day.fixed],
    patients: day.patients,
  };
  const { travel: prepared } = await rowsTravel(travel, rows);
  // Priced as the municipality's plans are made: its saved weights and cap (run-job.ts).
  const settings = await readPlanningSettings(db, job.municipalityCode);
  const { priced, weights, scale } = pricePlans(
    rows,
    [
      [...before, ...day.fixed],
      [...after, ...day.fixed],
    ],
    { ...solverOptionsOf(settings), origin: day.origin, travel: prepared },
  );
  const [was, now] = priced;
  const given = new Set(was.asGiven);
  const refused = now.asGiven
    .filter((v) => !given.has(v))
    .map((v) => ({ v, rule: overridable(v) }))
    .find((x) => x.rule !== null);
  if (refused) {
    throw new AppError(400, 'validation_failed', `The move breaks a rule: ${refused.rule}`, [
      { field: 'body.staffId', message: `${refused.rule}: ${refused.v}` },
    ]);
  }
  const seen = new Set(was.violations);
  const added = now.violations.filter((v) => !seen.has(v));
  const moved = now.planned.find((p) => p.visitId === visit.id);
  const mine = moved?.staff.find((s) => day.staffOfShift.get(s.staffId) === input.staffId);
  if (!moved || !mine) throw bad('body.staffId', 'the solver cannot place the visit on this route');
  return {
    moved: {
      visitId: visit.id,
      staffIds: moved.staff.map((s) => day.staffOfShift.get(s.staffId)!),
      start: mine.plannedStart.toISOString(),
    },
    delta: costDelta(weights, scale, was, now),
    brokenRules: added,
    result: edited(day, result, now, scale),
    patientId: visit.patientId,
  };
}

/** The start asked for, else the moved half's planned start, else the window's start. */
function startOf(
  input: MoveInput,
  visit: DayRows['open'][number],
  locked: Date | undefined,
  planned?: string,
): Date {
  if (input.start === undefined) return locked ?? (planned ? new Date(planned) : visit.windowStart);
  const day = {
    min: new Date(visit.windowStart.getTime() - 86_400_000),
    max: new Date(visit.windowEnd.getTime() + 86_400_000),
  };
  const p = parseInstant(input.start, day);
  if (!p.ok) throw bad('body.start', p.message);
  if (locked && p.value.getTime() !== locked.getTime()) {
    throw bad(
      'body.start',
      `locked_time: the visit is locked to ${toLocalIso(locked)}`,
      'The move breaks a rule: locked_time',
    );
  }
  return p.value;
}

/** The proposal as the solver times it after the move (as a job's plan is made: run-job.ts). */
function edited(day: DayRows, result: JobResult, now: PricedPlan, scale: number): JobResult {
  const open = new Map(day.open.map((v) => [v.id, v]));
  const assignments: JobResult['assignments'] = [];
  for (const p of now.planned) {
    const v = open.get(p.visitId);
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
  const unplaced = result.unplaced.filter((u) => !placed.has(u.visitId));
  return {
    ...result,
    assignments,
    unplaced,
    summary: {
      ...result.summary,
      placed: assignments.length,
      unplaced: unplaced.length,
      travelSeconds: Math.round(now.terms.travelTime / scale),
      cost: now.cost,
    },
  };
}
