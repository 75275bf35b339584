import type { Solution } from '../../solver/model/solution.ts';
import type { BuiltProblem } from './build-problem.ts';
import { currentSolution } from './plan-mapping.ts';
import type { StaffRow, VisitRow } from './problem-rows.ts';

/**
 * Who usually makes each visit: visit id → staff ids (people, not shifts), most usual
 * first. The loader decides what "usual" means (the care plan's, then the patient's
 * caregivers over the last two weeks: server/planning/read-usual.ts).
 */
export type UsualCaregivers = ReadonlyMap<string, readonly string[]>;

export interface UsualStart {
  initial: Solution;
  /** Visits (whole, a two-person one once) started with a usual caregiver. */
  kept: number;
  /**
   * Every open visit's solver indices, tightest window first: for SolveOptions.insertFirst,
   * which places them whatever the time left. A warm start is otherwise completed only while
   * time lasts (right for a repair's time box), and a day's plan must be built whole.
   */
  insertFirst: number[];
}

/**
 * The warm start that keeps continuity over weeks: every open visit starts with its most
 * usual caregiver who has a shift today covering its window (a two-person visit with the
 * two most usual, or not at all), each route in the order of the windows; what is already
 * assigned stays as it is (currentSolution). The solver then drops what cannot be kept (a
 * clash, a missing delegation), places the rest and improves the whole: a scheduler who
 * copies last week's plan. From 16 to 10 distinct staff per patient over 14 days at +5.3 %
 * travel (bench/results/continuity.md).
 */
export function usualStart(
  built: BuiltProblem,
  rows: { staff: readonly StaffRow[]; visits: readonly VisitRow[] },
  usual: UsualCaregivers,
  /** Solver caregiver (shift) id → staff id. */
  staffOfShift: ReadonlyMap<string, string>,
): UsualStart {
  const start = currentSolution(built, rows.visits);
  const shiftsOf = new Map<string, StaffRow[]>();
  for (const s of rows.staff) {
    const person = staffOfShift.get(s.id) ?? s.id;
    shiftsOf.set(person, [...(shiftsOf.get(person) ?? []), s]);
  }
  const unassigned = new Set(start.unassigned.map((u) => u.visit));
  const origin = built.origin.getTime();
  const added = built.staffIds.map(() => [] as { visit: number; at: number }[]);
  let kept = 0;
  const open: { indices: number[]; end: number }[] = [];
  for (const v of rows.visits) {
    const indices = built.visitIndices.get(v.id) ?? [];
    if (v.pinned || v.assignees.length > 0 || !indices.every((i) => unassigned.has(i))) continue;
    open.push({ indices, end: v.windowEnd.getTime() });
    const end = v.windowEnd.getTime() + v.durationMinutes * 60_000;
    const taken: number[] = [];
    for (const person of usual.get(v.id) ?? []) {
      if (taken.length === indices.length) break;
      const shift = shiftsOf
        .get(person)
        ?.find((s) => s.shift.startsAt <= v.windowEnd && s.shift.endsAt.getTime() >= end);
      const k = shift ? built.staffIndex.get(shift.id) : undefined;
      if (k !== undefined && !taken.includes(k)) taken.push(k);
    }
    if (taken.length < indices.length) continue; // a two-person visit whole or not at all
    const at = Math.max(0, Math.round((v.windowStart.getTime() - origin) / 1000));
    indices.forEach((visit, h) => {
      added[taken[h]].push({ visit, at });
      unassigned.delete(visit);
    });
    kept++;
  }
  // currentSolution makes visit stops only; the solver re-times every route it loads.
  const routes = start.routes.map((r) => {
    const stops = [
      ...r.stops.flatMap((s) => (s.kind === 'visit' ? [{ visit: s.visit, at: s.start }] : [])),
      ...added[r.caregiver],
    ].sort((a, b) => a.at - b.at || a.visit - b.visit);
    return {
      ...r,
      stops: stops.map((s) => ({ kind: 'visit' as const, visit: s.visit, start: s.at })),
    };
  });
  return {
    initial: {
      ...start,
      routes,
      unassigned: start.unassigned.filter((u) => unassigned.has(u.visit)),
    },
    kept,
    insertFirst: open.sort((a, b) => a.end - b.end).flatMap((o) => o.indices),
  };
}
