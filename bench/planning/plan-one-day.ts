/**
 * One service day of the fourteen, as the server plans it (server/planning/load-day.ts,
 * server/solver-bridge/): one solver caregiver per shift, the visits due that local day, the
 * patients' contact caregiver, refusals and the caregivers they know from the days before;
 * built by the server's own `buildProblem`, solved by `solve`, checked by `validate`.
 * Last night's shift (it ends this morning) goes on from where yesterday's plan left it.
 */
import type { ProblemInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import { solve } from '../../solver/solve.ts';
import { validate } from '../../solver/validate/validate.ts';
import { buildProblem } from '../../server/solver-bridge/build-problem.ts';
import { toAssignments } from '../../server/solver-bridge/plan-mapping.ts';
import type { PatientRow, StaffRow } from '../../server/solver-bridge/problem-rows.ts';
import { addDays } from '../../db/seed/local-time.ts';
import { KNOWN_DAYS } from '../../server/day/service-day.ts';
import { assignRoutesByLp } from '../solver/assign-routes-lp.ts';
import { usualStart } from '../../server/solver-bridge/usual-start.ts';
import { planKeyOf, usualOfDay } from './warm-start.ts';
import type { MetVisit } from './kolada-indicator.ts';
import type { VisitHistory } from './history.ts';
import type { ContinuitySettings } from './settings.ts';
import type { Shift, World } from './world.ts';

/** Where a night shift stands at the end of a day's plan: the next day starts it there. */
export type Carry = Map<string, { at: Date; lat: number; lon: number }>;

export interface Budget {
  seed: number;
  /** Iterations of ruin-and-recreate: the deterministic budget. */
  iterations: number;
  /** Wall-clock safety net; a day that reaches it is reported (no longer deterministic). */
  timeLimitMs: number;
  /** Local search on the constructed plan before ruin-and-recreate (the solver's default). */
  localSearch: boolean;
}

export interface DayResult {
  date: string;
  visits: number;
  shifts: number;
  met: MetVisit[];
  unplaced: number;
  travelSeconds: number;
  latenessSeconds: number;
  overtimeSeconds: number;
  iterations: number;
  hitTimeLimit: boolean;
  solveMs: number;
  carry: Carry;
}

export function planOneDay(
  world: World,
  date: string,
  history: VisitHistory,
  carry: Carry,
  settings: ContinuitySettings,
  budget: Budget,
): DayResult {
  const visits = world.visits.get(date) ?? [];
  const tonight = world.shifts.get(date) ?? [];
  const lastNight = (world.shifts.get(addDays(date, -1)) ?? []).filter((s) => s.kind === 'night');
  const shifts: Shift[] = [...lastNight, ...tonight];

  const caregivers: StaffRow[] = shifts.map((s) => {
    const from = carry.get(s.id);
    return {
      id: s.id,
      profession: s.member.profession,
      travelMode: s.member.travelMode,
      shift: {
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        breakMinutes: 30,
        maxWorkWithoutBreakMinutes: 300,
      },
      start: from ? { lat: from.lat, lon: from.lon } : s.member.base,
      end: s.member.base,
      ...(from ? { availableFrom: from.at } : {}),
      delegations: (world.delegations.get(s.member.id) ?? []).map((d) => ({
        ...d,
        staffId: s.id,
      })),
    };
  });

  // Everything that names a member names their shifts of the day; the contact is the
  // shift that starts today when there is one (load-day.ts: the one covering most of it).
  const shiftsOf = new Map<string, string[]>();
  for (const s of shifts) shiftsOf.set(s.member.id, [...(shiftsOf.get(s.member.id) ?? []), s.id]);
  const mainShift = (memberId: string) => shiftsOf.get(memberId)?.at(-1) ?? null;
  const since = addDays(date, -settings.historyDays);
  const patientIds = [...new Set(visits.map((v) => v.patientId))];
  const knownOf = new Map<string, { staffId: string; visits: number }[]>();
  const patients: PatientRow[] = patientIds.map((id) => {
    const p = world.patients.get(id)!;
    const known = settings.knownWeight > 0 ? history.known(id, since, date) : [];
    knownOf.set(id, known);
    return {
      ...p,
      contactStaffId: p.contactStaffId ? mainShift(p.contactStaffId) : null,
      excludedStaffIds: p.excludedStaffIds.flatMap((m) => shiftsOf.get(m) ?? []),
      knownStaffIds: known.flatMap((k) => shiftsOf.get(k.staffId) ?? []),
    };
  });

  const origin = new Date(
    Math.min(
      visits[0]?.windowStart.getTime() ?? Infinity,
      ...shifts.map((s) => s.startsAt.getTime()),
    ),
  );
  const built = buildProblem(caregivers, visits, patients, {
    origin,
    name: `continuity ${world.options.municipality} ${date}`,
    knownWeight: settings.knownWeight,
    weights: {
      nonContact: settings.nonContact,
      distinctCaregiver: settings.distinctCaregiver,
      distinctOverCap: settings.distinctOverCap,
    },
  });
  applyPatientSettings(built.input, patientIds, knownOf, shiftsOf, built.staffIndex, settings);

  const started = performance.now();
  let iterations = 0;
  const warm = settings.usualStart
    ? usualStart(
        built,
        { staff: caregivers, visits },
        usualOfDay(visits, history, addDays(date, -KNOWN_DAYS), date),
        new Map(shifts.map((s) => [s.id, s.member.id])),
      )
    : undefined;
  const solved = solve(built.input, {
    ...(warm ? { initial: warm.initial, insertFirst: warm.insertFirst } : {}),
    seed: budget.seed,
    timeLimitMs: budget.timeLimitMs,
    maxIterations: budget.iterations,
    clock: () => performance.now(),
    onProgress: (p) => (iterations = p.iteration),
    params: { initialLocalSearch: budget.localSearch },
  });
  const solution = settings.lpRoutes ? assignRoutesByLp(built.input, solved).plan : solved;
  const solveMs = performance.now() - started;
  const check = validate(built.input, solution);
  if (!check.valid) {
    throw new Error(`${date}: the validator refused the plan: ${check.violations.slice(0, 5)}`);
  }

  const memberOf = new Map(shifts.map((s) => [s.id, s.member.id]));
  const { planned } = toAssignments(built, solution);
  const staffCount = new Map(visits.map((v) => [v.id, v.staffCount]));
  const met: MetVisit[] = [];
  const placed = new Set<string>();
  for (const p of planned) {
    // A two-person visit is planned with both caregivers or not at all (plan-day.ts).
    if (p.staff.length !== staffCount.get(p.visitId)) continue;
    placed.add(p.visitId);
  }
  const byId = new Map(visits.map((v) => [v.id, v]));
  const plannedById = new Map(planned.map((p) => [p.visitId, p]));
  for (const v of visits) {
    const p = placed.has(v.id) ? plannedById.get(v.id)! : null;
    const staffIds = p ? p.staff.map((s) => memberOf.get(s.staffId)!) : [];
    met.push({
      patientId: v.patientId,
      due: v.windowStart,
      start: p ? p.staff[0].plannedStart : null,
      staffIds,
    });
    for (const s of staffIds) {
      history.record(v.patientId, s, date);
      history.recordPlan(planKeyOf(v.id), s);
    }
  }

  return {
    date,
    visits: visits.length,
    shifts: shifts.length,
    met,
    unplaced: visits.length - placed.size,
    travelSeconds: check.terms.travelTime,
    latenessSeconds: check.terms.lateness,
    overtimeSeconds: check.terms.overtime,
    iterations,
    hitTimeLimit: iterations < budget.iterations,
    solveMs,
    carry: nightCarry(
      built.input,
      solution,
      tonight,
      built.staffIndex,
      byId,
      built.visitIds,
      world,
      origin,
    ),
  };
}

/** Per-patient settings buildProblem does not take: the cap and frequency-weighted credit. */
function applyPatientSettings(
  input: ProblemInput,
  patientIds: string[],
  knownOf: Map<string, { staffId: string; visits: number }[]>,
  shiftsOf: Map<string, string[]>,
  staffIndex: Map<string, number>,
  s: ContinuitySettings,
): void {
  input.patients.forEach((p, i) => {
    p.maxDistinct = s.maxDistinct;
    if (s.knownBy !== 'frequency' || s.knownWeight === 0) return;
    const known = knownOf.get(patientIds[i]) ?? [];
    const most = known[0]?.visits ?? 0;
    p.known = known.flatMap((k) =>
      (shiftsOf.get(k.staffId) ?? []).map((shiftId) => ({
        caregiver: staffIndex.get(shiftId)!,
        weight: Math.round((s.knownWeight * k.visits) / most),
      })),
    );
  });
}

/** Where each of tonight's night shifts is when its last visit of the day ends. */
function nightCarry(
  input: ProblemInput,
  solution: Solution,
  tonight: Shift[],
  staffIndex: Map<string, number>,
  visitsById: Map<string, { patientId: string }>,
  visitIds: string[],
  world: World,
  origin: Date,
): Carry {
  const carry: Carry = new Map();
  for (const s of tonight) {
    if (s.kind !== 'night') continue;
    const k = staffIndex.get(s.id);
    if (k === undefined) continue;
    const stops = solution.routes[k]?.stops.filter((x) => x.kind === 'visit') ?? [];
    const last = stops.at(-1);
    if (!last || last.kind !== 'visit') continue;
    const v = input.visits[last.visit];
    const end = origin.getTime() + (last.start + v.duration) * 1000;
    const patient = world.patients.get(visitsById.get(visitIds[last.visit])!.patientId)!;
    carry.set(s.id, { at: new Date(end), lat: patient.lat, lon: patient.lon });
  }
  return carry;
}
