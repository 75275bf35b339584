import type {
  CaregiverInput,
  ProblemInput,
  VisitInput,
} from '../../../solver/model/problem-input.ts';

/**
 * Hand-checkable fixture: locations 0 (office), 1, 2, 3 on a line, 10 apart. Visits of
 * duration 5 with wide windows; two caregivers starting and ending at the office.
 * Overrides let each test add the one rule it is about.
 */
export function lineInstance(
  visitAt: number[],
  patch: { visit?: Partial<VisitInput>[]; caregiver?: Partial<CaregiverInput>[] } = {},
): ProblemInput {
  const L = 4;
  const m: number[] = [];
  for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) m.push(10 * Math.abs(a - b));
  const caregivers: CaregiverInput[] = [0, 1].map((k) => ({
    id: `c${k}`,
    profile: 0,
    skills: [0],
    timedSkills: [],
    startLocation: 0,
    shiftStart: 0,
    endLocation: 0,
    shiftEnd: 1000,
    maxShiftEnd: 1000,
    capacity: 10,
    fixedCost: 0,
    breaks: [],
    maxWorkWithoutBreak: 0,
    ...patch.caregiver?.[k],
  }));
  const visits: VisitInput[] = visitAt.map((location, v) => ({
    id: `v${v}`,
    location,
    patient: -1,
    earliest: 0,
    latest: 1000,
    latestHard: true,
    duration: 5,
    skills: [],
    demand: 1,
    unassignedPenalty: 10_000,
    excluded: [],
    pinnedCaregiver: -1,
    ...patch.visit?.[v],
  }));
  return {
    name: 'line',
    scale: 1,
    locations: L,
    profiles: [{ name: 'car', durations: m, distances: m }],
    caregivers,
    visits,
    patients: [],
    syncs: [],
    weights: {
      travelTime: 0,
      distance: 1,
      lateness: 0,
      maxLateness: 0,
      overtime: 0,
      nonContact: 0,
      distinctCaregiver: 0,
      distinctOverCap: 0,
      fixedCost: 1,
    },
  };
}
