import { earliestSchedule } from '../../solver/io/earliest-schedule.ts';
import type { CaregiverInput, ProblemInput, VisitInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import { validate } from '../../solver/validate/validate.ts';
import { seededRandom } from './rng.ts';

export interface LiveScenario {
  input: ProblemInput;
  /** A valid plan holding the planned visits; the candidates are unassigned in it. */
  current: Solution;
  /** Visits to rank insertions for (unassigned in `current`). */
  candidates: number[];
}

const HOUR = 3600;
const OFFICES = 10;
const PATIENT_PLACES = 1500;
const AREA_M = 40_000; // a county-sized square
const SPEED_M_PER_S = 8.3; // ~30 km/h in town

/**
 * A day of a large home-care organisation, built so the plan is feasible by construction:
 * each caregiver gets `perCaregiver` visits in sequence near its office, each visit's
 * window drawn around the time the sequence reaches it. Units: seconds and metres (scale 1).
 */
export function liveScenario(
  seed: number,
  caregiverCount = 300,
  perCaregiver = 10,
  candidateCount = 1000,
): LiveScenario {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const L = OFFICES + PATIENT_PLACES;
  const xs = Array.from({ length: L }, () => rnd() * AREA_M);
  const ys = Array.from({ length: L }, () => rnd() * AREA_M);
  const distances = new Int32Array(L * L);
  const durations = new Int32Array(L * L);
  for (let i = 0; i < L; i++) {
    for (let j = 0; j < L; j++) {
      const d = Math.round(1.3 * Math.hypot(xs[i] - xs[j], ys[i] - ys[j])); // road detour factor
      distances[i * L + j] = d;
      durations[i * L + j] = Math.round(d / SPEED_M_PER_S);
    }
  }
  // Each office serves the patients within 6 km: routes stay local, as in a real district.
  const district = Array.from({ length: OFFICES }, (_, o) => {
    const places: number[] = [];
    for (let p = OFFICES; p < L; p++)
      if (Math.hypot(xs[p] - xs[o], ys[p] - ys[o]) < 6000) places.push(p);
    return places.length > 0 ? places : [OFFICES];
  });
  const near = (office: number) => district[office][int(0, district[office].length - 1)];
  const caregivers: CaregiverInput[] = Array.from({ length: caregiverCount }, (_, k) => ({
    id: `cg-${k}`,
    profile: 0,
    skills: rnd() < 0.3 ? [0, 1] : [0],
    timedSkills: [],
    startLocation: k % OFFICES,
    shiftStart: 7 * HOUR,
    endLocation: k % OFFICES,
    shiftEnd: 15 * HOUR,
    maxShiftEnd: 17 * HOUR,
    capacity: 1000,
    fixedCost: 0,
    breaks: [],
    maxWorkWithoutBreak: 0,
  }));
  const visit = (
    location: number,
    earliest: number,
    latest: number,
    duration: number,
    skills: number[],
  ): VisitInput => ({
    id: `visit-${location}-${earliest}`,
    location,
    patient: location - OFFICES,
    earliest,
    latest,
    latestHard: rnd() < 0.5,
    duration,
    skills,
    demand: 0,
    unassignedPenalty: 100_000,
    excluded: [],
    pinnedCaregiver: -1,
  });

  const visits: VisitInput[] = [];
  const sequences: number[][] = caregivers.map((cg, k) => {
    const seq: number[] = [];
    let t = cg.shiftStart;
    let at = cg.startLocation;
    for (let i = 0; i < perCaregiver; i++) {
      const place = near(cg.startLocation);
      const start = t + durations[at * L + place] + int(0, 300);
      const duration = int(15, 30) * 60;
      const skills = cg.skills.includes(1) && rnd() < 0.3 ? [0, 1] : [0];
      seq.push(visits.length);
      visits.push(visit(place, Math.max(0, start - HOUR / 2), start + HOUR / 2, duration, skills));
      visits.at(-1)!.id = `planned-${k}-${i}`;
      t = start + duration;
      at = place;
    }
    return seq;
  });
  const candidates: number[] = [];
  for (let i = 0; i < candidateCount; i++) {
    const from = int(8 * HOUR, 13 * HOUR);
    candidates.push(visits.length);
    visits.push(
      visit(int(OFFICES, L - 1), from, from + 2 * HOUR, 20 * 60, rnd() < 0.2 ? [0, 1] : [0]),
    );
    visits.at(-1)!.id = `new-${i}`;
  }

  const input: ProblemInput = {
    name: `live-${caregiverCount}x${perCaregiver}-seed${seed}`,
    scale: 1,
    locations: L,
    profiles: [{ name: 'car', durations, distances }],
    caregivers,
    visits,
    patients: Array.from({ length: PATIENT_PLACES }, (_, i) => ({
      id: `patient-${i}`,
      contact: -1,
      known: [],
      maxDistinct: 0,
    })),
    syncs: [],
    weights: {
      travelTime: 1,
      distance: 0,
      lateness: 10,
      maxLateness: 0,
      overtime: 2,
      nonContact: 0,
      distinctCaregiver: 0,
      distinctOverCap: 0,
      fixedCost: 0,
    },
  };
  const current = earliestSchedule(input, sequences);
  const check = validate(input, current, { checkReportedCost: false });
  if (!check.valid)
    throw new Error(`synthetic plan is not valid: ${check.violations.slice(0, 3).join('; ')}`);
  current.cost = check.cost;
  current.terms = check.terms;
  return { input, current, candidates };
}
