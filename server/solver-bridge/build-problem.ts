import type { TravelMode } from '../../db/reference/professions.ts';
import type {
  CaregiverInput,
  PatientInput,
  ProblemInput,
  SyncInput,
  TravelProfile,
  VisitInput,
} from '../../solver/model/problem-input.ts';
import { visitNeeds } from '../domain/competence.ts';
import {
  type BuildOptions,
  DEFAULT_UNASSIGNED_PENALTY,
  DEFAULT_WEIGHTS,
  KNOWN_CAREGIVER_WEIGHT,
  type PatientRow,
  type StaffRow,
  type VisitRow,
} from './problem-rows.ts';
import { liveShiftBreaks } from './shift-breaks.ts';
import { SkillRegistry, caregiverSkills } from './skills.ts';
import { type LatLon, estimateTravel } from './travel.ts';

/** A built problem and the maps between database ids and the solver's indices. */
export interface BuiltProblem {
  input: ProblemInput;
  origin: Date;
  /** Solver visit index → visit id (a two-person visit has two indices). */
  visitIds: string[];
  /** Visit id → its solver indices (one, or two for a two-person visit). */
  visitIndices: Map<string, number[]>;
  staffIds: string[];
  staffIndex: Map<string, number>;
  /** Skill index → name ('rn', 'insulin_pen@<patient>' …), for explanations. */
  skillNames: string[];
}

const BIG_CAPACITY = 1_000_000_000;

/** Rows (staff on shift, visits, their patients) → the solver's ProblemInput, in seconds. */
/** Priced overtime past the shift end when the caller does not say (`overtimeMinutes`). */
export const DEFAULT_OVERTIME_MINUTES = 60;

export function buildProblem(
  staff: readonly StaffRow[],
  visits: readonly VisitRow[],
  patients: readonly PatientRow[],
  options: BuildOptions,
): BuiltProblem {
  const origin = options.origin.getTime();
  const sec = (d: Date) => Math.max(0, Math.round((d.getTime() - origin) / 1000));
  const overtime = (options.overtimeMinutes ?? DEFAULT_OVERTIME_MINUTES) * 60;
  const penalty = { ...DEFAULT_UNASSIGNED_PENALTY, ...options.unassignedPenalty };

  const points: LatLon[] = [];
  const pointIndex = new Map<string, number>();
  const location = (p: LatLon) => {
    const key = `${p.lat},${p.lon}`;
    let i = pointIndex.get(key);
    if (i === undefined) {
      i = points.push({ lat: p.lat, lon: p.lon }) - 1;
      pointIndex.set(key, i);
    }
    return i;
  };

  const staffIds = staff.map((s) => s.id);
  const staffIndex = new Map(staffIds.map((id, k) => [id, k]));
  const patientById = new Map(patients.map((p) => [p.id, p]));
  const patientIndex = new Map(patients.map((p, i) => [p.id, i]));
  const modes: TravelMode[] = [...new Set(staff.map((s) => s.travelMode))];
  if (modes.length === 0) modes.push('car');

  const skills = new SkillRegistry();
  const visitInputs: VisitInput[] = [];
  const visitIds: string[] = [];
  const visitIndices = new Map<string, number[]>();
  const syncs: SyncInput[] = [];
  for (const v of visits) {
    const patient = patientById.get(v.patientId);
    if (!patient) throw new Error(`buildProblem: visit ${v.id} has no patient row`);
    const needs = visitNeeds(v.requiredProfession, v.taskTypes);
    const visitSkills = [skills.profession(needs.profession)];
    for (const t of needs.delegated) visitSkills.push(skills.task(t, v.patientId));
    const earliest = sec(v.windowStart);
    const endSec = (v.windowEnd.getTime() - origin) / 1000;
    const excluded = patient.excludedStaffIds
      .map((id) => staffIndex.get(id))
      .filter((k): k is number => k !== undefined);
    const assignees = [...v.assignees].sort((a, b) => a.staffId.localeCompare(b.staffId));
    const halves = v.staffCount === 2 ? 2 : 1;
    const indices: number[] = [];
    for (let h = 0; h < halves; h++) {
      const pinnedTo = v.pinned ? staffIndex.get(assignees[h]?.staffId ?? '') : undefined;
      indices.push(visitInputs.length);
      visitIds.push(v.id);
      visitInputs.push({
        id: halves === 2 ? `${v.id}#${h + 1}` : v.id,
        location: location(patient),
        patient: patientIndex.get(v.patientId) as number,
        earliest,
        latest: Math.max(earliest, Math.round(endSec)),
        // A hard window already past cannot be kept: price the lateness instead of refusing.
        latestHard: v.windowHard && endSec >= earliest,
        duration: v.durationMinutes * 60,
        skills: visitSkills,
        demand: 0,
        unassignedPenalty: penalty[v.priority],
        excluded,
        pinnedCaregiver: pinnedTo ?? -1,
      });
    }
    if (halves === 2) syncs.push({ first: indices[0], second: indices[1], minGap: 0, maxGap: 0 });
    visitIndices.set(v.id, indices);
  }

  const caregivers: CaregiverInput[] = staff.map((s) => {
    const shiftStart = Math.max(sec(s.shift.startsAt), s.availableFrom ? sec(s.availableFrom) : 0);
    const shiftEnd = Math.max(shiftStart, sec(s.shift.endsAt));
    const { whole, timed } = caregiverSkills(s, skills, sec);
    return {
      id: s.id,
      profile: modes.indexOf(s.travelMode),
      skills: whole,
      timedSkills: timed,
      startLocation: location(s.start),
      shiftStart,
      endLocation: location(s.end),
      shiftEnd,
      maxShiftEnd: shiftEnd + overtime,
      capacity: BIG_CAPACITY,
      fixedCost: 0,
      breaks: liveShiftBreaks(s.shift, origin, origin + shiftStart * 1000),
      maxWorkWithoutBreak: s.shift.maxWorkWithoutBreakMinutes * 60,
    };
  });

  const knownWeight = options.knownWeight ?? KNOWN_CAREGIVER_WEIGHT;
  const keep = options.keepCurrentWeight ?? 0;
  const patientInputs: PatientInput[] = patients.map((p) => {
    const known = new Map<number, number>();
    for (const id of p.knownStaffIds) {
      const k = staffIndex.get(id);
      if (k !== undefined) known.set(k, knownWeight);
    }
    if (keep > 0) {
      for (const v of visits) {
        if (v.patientId !== p.id) continue;
        for (const a of v.assignees) {
          const k = staffIndex.get(a.staffId);
          if (k !== undefined) known.set(k, (known.get(k) ?? 0) + keep);
        }
      }
    }
    return {
      id: p.id,
      contact: staffIndex.get(p.contactStaffId ?? '') ?? -1,
      known: [...known].map(([caregiver, weight]) => ({ caregiver, weight })),
      maxDistinct: options.maxDistinct ?? 0,
    };
  });

  if (points.length === 0) location({ lat: 0, lon: 0 }); // the solver needs one location
  const travel = options.travel ?? estimateTravel();
  const profiles: TravelProfile[] = modes.map((m) => ({ name: m, ...travel.matrices(points, m) }));

  return {
    input: {
      name: options.name ?? `dispatch ${options.origin.toISOString()}`,
      scale: 1,
      locations: points.length,
      profiles,
      caregivers,
      visits: visitInputs,
      patients: patientInputs,
      syncs,
      weights: { ...DEFAULT_WEIGHTS, ...options.weights },
    },
    origin: options.origin,
    visitIds,
    visitIndices,
    staffIds,
    staffIndex,
    skillNames: skills.names,
  };
}
