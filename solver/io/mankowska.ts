import type {
  CaregiverInput,
  PatientInput,
  ProblemInput,
  SyncInput,
  VisitInput,
} from '../model/problem-input.ts';
import { assertSafeTotal } from './bounds.ts';
import { sectionReader } from './keyword-sections.ts';
import { ParseError } from './parse-error.ts';

export interface MankowskaOptions {
  /** Instance name (e.g. "A1"); the text itself carries none. */
  name?: string;
  /** Name used in error messages (the file name). */
  source?: string;
}

/** Four decimals keep the float travel matrix within 0.00005 per arc. */
export const MANKOWSKA_SCALE = 10000;
/** The objective is (D + T + Tmax) / 3: divide the cost by this and by the scale. */
export const MANKOWSKA_COST_DIVISOR = 3;
/** Return time is not penalised: shifts end far beyond any instance's horizon (in real units). */
const OPEN_SHIFT_END = 1_000_000;
const UNASSIGNED_PENALTY = 1e12;
const LARGE_CAPACITY = 1_000_000;

/** Visit id for (node, service), service 0-based as in the file's columns. */
export function mankowskaVisitId(node: number, service: number): string {
  return `${node}:${service}`;
}

/**
 * Mankowska et al. (2014) HHCRSP text → ProblemInput. Locations are the file's nodes
 * (0 = depot start, N−1 = depot end). Patient node i (1..N−2) is patient i−1; each service it
 * needs is one visit with skills [s]. A patient needing two services (r has two 1s; DS lists
 * it as node i + 1, i.e. 1-based over all nodes) gets a sync from its lower to its higher
 * service with gap [mind, maxd].
 */
export function parseMankowska(text: string, options: MankowskaOptions = {}): ProblemInput {
  const source = options.source ?? options.name ?? 'mankowska';
  const read = sectionReader(source, text);
  const N = read.integer('nbNodes');
  const K = read.integer('nbVehi');
  const S = read.integer('nbServi');
  if (N < 3)
    throw new ParseError(
      source,
      read.get('nbNodes').line + 1,
      `expected at least 3 nodes, got ${N}`,
    );
  const r = read.matrix('r', N, S);
  const ds = read.vector('DS');
  const a = read.matrix('a', K, S).values;
  const d = read.matrix('d', N, N).values;
  const p = read.matrix('p', N * K, S).values;
  const mind = read.vector('mind', N);
  const maxd = read.vector('maxd', N);
  const e = read.vector('e', N);
  const l = read.vector('l', N);
  const sc = (v: number) => Math.round(v * MANKOWSKA_SCALE);

  const dsSection = read.get('DS');
  checkDoubleServices(source, r, ds, dsSection.rows[0]?.line ?? dsSection.line);

  const matrix = new Int32Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) matrix[i * N + j] = sc(d[i][j]);

  const visits: VisitInput[] = [];
  const syncs: SyncInput[] = [];
  const patients: PatientInput[] = [];
  for (let i = 1; i <= N - 2; i++) {
    patients.push({
      id: `patient-${i}`,
      contact: -1,
      known: [],
      maxDistinct: 0,
    });
    const needed = servicesOf(r.values[i]);
    const first = visits.length;
    for (const s of needed) {
      const byCaregiver = Array.from({ length: K }, (_, k) => sc(p[i * K + k][s]));
      visits.push({
        id: mankowskaVisitId(i, s),
        location: i,
        patient: i - 1,
        earliest: sc(e[i]),
        latest: sc(l[i]),
        latestHard: false,
        duration: Math.max(...byCaregiver),
        durationByCaregiver: byCaregiver,
        skills: [s],
        demand: 0,
        unassignedPenalty: UNASSIGNED_PENALTY,
        excluded: [],
        pinnedCaregiver: -1,
      });
    }
    if (needed.length === 2) {
      syncs.push({
        first,
        second: first + 1,
        minGap: sc(mind[i]),
        maxGap: sc(maxd[i]),
      });
    }
  }
  assertSafeTotal(source, UNASSIGNED_PENALTY * visits.length);

  const caregivers: CaregiverInput[] = a.map((row, k) => ({
    id: `caregiver-${k}`,
    profile: 0,
    skills: servicesOf(row),
    timedSkills: [],
    startLocation: 0,
    shiftStart: 0,
    endLocation: N - 1,
    shiftEnd: sc(OPEN_SHIFT_END),
    maxShiftEnd: sc(OPEN_SHIFT_END),
    capacity: LARGE_CAPACITY,
    fixedCost: 0,
    breaks: [],
    maxWorkWithoutBreak: 0,
  }));

  return {
    name: options.name ?? source,
    scale: MANKOWSKA_SCALE,
    locations: N,
    profiles: [{ name: 'euclidean', durations: matrix, distances: matrix }],
    caregivers,
    visits,
    patients,
    syncs,
    weights: {
      travelTime: 0,
      distance: 1,
      lateness: 1,
      maxLateness: 1,
      overtime: 0,
      nonContact: 0,
      distinctCaregiver: 0,
      distinctOverCap: 0,
      fixedCost: 0,
    },
  };
}

function servicesOf(row: number[]): number[] {
  const out: number[] = [];
  row.forEach((v, s) => {
    if (v !== 0) out.push(s);
  });
  return out;
}

/** r decides; DS must agree with it, or the file is not what we think it is. */
function checkDoubleServices(
  source: string,
  r: { values: number[][]; lines: number[] },
  ds: number[],
  dsLine: number,
): void {
  const N = r.values.length;
  const fromR = new Set<number>();
  for (let i = 1; i <= N - 2; i++) {
    const count = servicesOf(r.values[i]).length;
    if (count > 2)
      throw new ParseError(
        source,
        r.lines[i],
        `expected at most 2 services for node ${i}, got ${count}`,
      );
    if (count === 2) fromR.add(i);
  }
  const fromDs = new Set(ds.map((v) => v - 1));
  for (const node of fromDs) {
    if (!fromR.has(node)) {
      throw new ParseError(
        source,
        dsLine,
        `DS lists ${node + 1} (node ${node}) but r gives it no double service`,
      );
    }
  }
  for (const node of fromR) {
    if (!fromDs.has(node)) {
      throw new ParseError(
        source,
        r.lines[node],
        `r gives node ${node} two services but DS does not list ${node + 1}`,
      );
    }
  }
}
