import { zeroCostTerms } from '../../../solver/model/solution.ts';
import type {
  CaregiverInput,
  ProblemInput,
  VisitInput,
} from '../../../solver/model/problem-input.ts';
import type { Solution } from '../../../solver/model/solution.ts';

/**
 * Three locations on a line: 0 (office) — 1 — 2, 10 apart in time and distance. Two
 * caregivers; visits are 0: at 1, 1: at 2, 2: at 1 (so a sync pair can sit at one place).
 * Unit scale; every number is checkable by hand.
 */
export function tinyInput(): ProblemInput {
  const m = [0, 10, 20, 10, 0, 10, 20, 10, 0];
  const caregiver = (id: string): CaregiverInput => ({
    id,
    profile: 0,
    skills: [1],
    timedSkills: [],
    startLocation: 0,
    shiftStart: 0,
    endLocation: 0,
    shiftEnd: 200,
    maxShiftEnd: 300,
    capacity: 10,
    fixedCost: 0,
    breaks: [],
    maxWorkWithoutBreak: 0,
  });
  const visit = (id: string, location: number): VisitInput => ({
    id,
    location,
    patient: -1,
    earliest: 0,
    latest: 100,
    latestHard: true,
    duration: 5,
    skills: [],
    demand: 4,
    unassignedPenalty: 1000,
    excluded: [],
    pinnedCaregiver: -1,
  });
  return {
    name: 'tiny',
    scale: 1,
    locations: 3,
    profiles: [{ name: 'car', durations: m, distances: m }],
    caregivers: [caregiver('anna'), caregiver('bo')],
    visits: [visit('v0', 1), visit('v1', 2), visit('v2', 1)],
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
      fixedCost: 0,
    },
  };
}

/** A plan from explicit stops: `routes[k]` = [visit, start] pairs; arrival is replayed for you. */
export function plan(
  input: ProblemInput,
  routes: [number, number][][],
  unassigned: number[] = [],
): Solution {
  return {
    routes: routes.map((stops, k) => {
      const cg = input.caregivers[k];
      const n = input.locations;
      let at = cg.startLocation;
      let end = cg.shiftStart;
      for (const [v, start] of stops) {
        at = input.visits[v].location;
        end = start + (input.visits[v].durationByCaregiver?.[k] ?? input.visits[v].duration);
      }
      const arrival = stops.length
        ? end + Number(input.profiles[0].durations[at * n + cg.endLocation])
        : cg.shiftStart;
      return {
        caregiver: k,
        stops: stops.map(([visit, start]) => ({ kind: 'visit' as const, visit, start })),
        departure: cg.shiftStart,
        arrival,
      };
    }),
    unassigned: unassigned.map((visit) => ({ visit, reason: 'not_worth_it' as const })),
    cost: 0,
    terms: zeroCostTerms(),
  };
}
