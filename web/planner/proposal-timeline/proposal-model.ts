/**
 * A done job's proposal in the console timeline's terms (web/console/timeline/): one row per
 * caregiver on shift with the proposed visits, the unplaced ones on top, travel and breaks as
 * the solver timed them (GET /api/planning/jobs/{id}/routes). Pure.
 */
import type { Schemas } from '../../api/client.ts';
import type { ConsoleVisit, ShiftRow } from '../../console/types.ts';
import { ROW_CAP, type Timeline, buildTimeline } from '../../console/timeline/timeline-model.ts';
import type { DayVisit, PlanningJob } from '../planner-types.ts';

export type ProposalRoutes = Schemas['PlanningProposalRoutes'];
export type MovePreview = Schemas['PlanningMovePreview'];

const MINUTE = 60_000;
/** Left and right move a picked visit by this much. */
export const STEP_MS = 15 * MINUTE;

export function proposalTimeline(
  job: PlanningJob,
  routes: ProposalRoutes,
  visits: ReadonlyMap<string, DayVisit>,
  names: ReadonlyMap<string, string>,
): Timeline {
  const result = job.result!;
  const shifts: ShiftRow[] = routes.shifts.map((s) => ({
    shiftId: s.shiftId,
    kind: 'day',
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    staffId: s.staffId,
    name: names.get(s.staffId) ?? s.staffId.slice(0, 8),
    profession: s.profession,
  }));
  const shown: ConsoleVisit[] = [];
  const add = (id: string, assignees: ConsoleVisit['assignees']) => {
    const v = visits.get(id);
    if (!v) return;
    shown.push({ ...v, status: assignees.length ? 'assigned' : 'unassigned', assignees });
  };
  for (const a of result.assignments)
    add(
      a.visitId,
      a.staff.map((s) => ({ ...s, plannedStartLocal: s.plannedStart })),
    );
  for (const u of result.unplaced) add(u.visitId, []);
  const day = {
    routes: routes.routes.map((r) => ({
      ...r,
      legs: r.legs.map((l) => ({ ...l, fromVisitId: null })),
    })),
  };
  // Noon of the service day: the timeline spans its Stockholm calendar day.
  const noon = Date.parse(`${job.serviceDate}T11:00:00Z`);
  return buildTimeline(shifts, shown, noon, ROW_CAP, { offset: 0, routes: day });
}

/** Where a picked or dragged visit would go: a caregiver row and a start. */
export interface MoveTarget {
  visitId: string;
  /** The row it leaves (a staff id, or 'unassigned'). */
  fromKey: string;
  /** The staff id of the row it goes to. */
  toKey: string;
  start: number;
}

/** The request body of a move (preview or apply). */
export function moveBody(target: MoveTarget, staffCount: number) {
  return {
    visitId: target.visitId,
    staffId: target.toKey,
    start: new Date(target.start).toISOString(),
    ...(staffCount === 2 && target.fromKey !== 'unassigned' ? { fromStaffId: target.fromKey } : {}),
  };
}

/** A start rounded to five minutes: a drag is not more precise than that. */
export const snap = (at: number) => Math.round(at / (5 * MINUTE)) * 5 * MINUTE;

/** Rules a move may break that no scheduler overrides (server/planning/moves/hard-rules.ts). */
export const MOVE_RULES = [
  'qualification',
  'excluded',
  'pinned',
  'two_person',
  'locked_time',
] as const;

/** The rule a refused move names in its message ("…breaks a rule: two_person"), if known. */
export function refusedRule(message: string): (typeof MOVE_RULES)[number] | null {
  const named = /breaks a rule: (\w+)/.exec(message)?.[1];
  return MOVE_RULES.find((r) => r === named) ?? null;
}
