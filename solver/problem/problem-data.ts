import type { ProblemInput, Weights } from '../model/problem-input.ts';
import { buildCompatibility } from './compatibility.ts';
import { validateInput } from './validate-input.ts';

/** A break of one caregiver, sorted by earliest start; `index` is its place in the input. */
export interface BreakData {
  index: number;
  earliest: number;
  latest: number;
  duration: number;
}

/**
 * The immutable, validated problem: flat typed arrays built once from a ProblemInput.
 * Per (visit, caregiver) arrays are row-major `v * K + k`; matrices `from * L + to`.
 */
export interface ProblemData {
  readonly input: ProblemInput;
  readonly weights: Weights;
  readonly L: number;
  readonly N: number;
  readonly K: number;
  /** Per profile: travel time, and arc cost = w.travelTime·time + w.distance·distance. */
  readonly travel: Int32Array[];
  readonly distance: Int32Array[];
  readonly arcCost: Float64Array[];
  // visits
  readonly loc: Int32Array;
  readonly earliest: Float64Array;
  readonly latest: Float64Array;
  readonly latestHard: Uint8Array;
  readonly demand: Float64Array;
  readonly penalty: Float64Array;
  readonly patient: Int32Array;
  readonly pinned: Int32Array;
  /** Service time of v by k. */
  readonly service: Float64Array;
  readonly allowed: Uint8Array;
  readonly skillLo: Float64Array;
  readonly skillHi: Float64Array;
  readonly anyQualified: Uint8Array;
  /** Weighted nonContact cost minus known credit of v made by k (additive per visit). */
  readonly assignCost: Float64Array;
  // caregivers
  readonly profile: Int32Array;
  readonly startLoc: Int32Array;
  readonly endLoc: Int32Array;
  readonly shiftStart: Float64Array;
  readonly shiftEnd: Float64Array;
  readonly maxShiftEnd: Float64Array;
  readonly capacity: Float64Array;
  /** fixedCost × w.fixedCost. */
  readonly fixed: Float64Array;
  readonly maxWork: Float64Array;
  readonly breaks: BreakData[][];
  // syncs: CSR list of sync indices per visit
  readonly syncFirst: Int32Array;
  readonly syncSecond: Int32Array;
  readonly syncMin: Float64Array;
  readonly syncMax: Float64Array;
  readonly syncStart: Int32Array;
  readonly syncList: Int32Array;
  /** Pure hard-window problem: duration-segment concatenation is exact (fast path). */
  readonly simpleTime: boolean;
  /** Adding a visit can only delay later ones: no breaks, work-stretch rule or syncs. */
  readonly monotoneTime: boolean;
  /** Every caregiver travels with the same profile (route arc caches are interchangeable). */
  readonly singleProfile: boolean;
  readonly hasSync: boolean;
  readonly hasDistinct: boolean;
  readonly hasMaxLate: boolean;
  readonly allAllowed: boolean;
  /** Caregivers with equal kind are interchangeable (same shift, skills, costs, durations). */
  readonly kindOf: Int32Array;
  /** Time horizon bound used to cut diverging sync schedules. */
  readonly horizon: number;
}

export function prepareProblem(input: ProblemInput): ProblemData {
  validateInput(input);
  const w = input.weights;
  const L = input.locations;
  const N = input.visits.length;
  const K = input.caregivers.length;
  const travel = input.profiles.map((p) => Int32Array.from(p.durations));
  const distance = input.profiles.map((p) => Int32Array.from(p.distances));
  const arcCost = travel.map((t, i) => {
    const out = new Float64Array(L * L);
    for (let j = 0; j < L * L; j++) out[j] = w.travelTime * t[j] + w.distance * distance[i][j];
    return out;
  });
  const vs = input.visits;
  const cs = input.caregivers;
  const service = new Float64Array(N * K);
  for (let v = 0; v < N; v++) {
    for (let k = 0; k < K; k++)
      service[v * K + k] = vs[v].durationByCaregiver?.[k] ?? vs[v].duration;
  }
  const comp = buildCompatibility(input, service);
  const assignCost = new Float64Array(N * K);
  for (let v = 0; v < N; v++) {
    const p = vs[v].patient;
    if (p < 0) continue;
    const pat = input.patients[p];
    for (let k = 0; k < K; k++) {
      if (pat.contact >= 0 && pat.contact !== k) assignCost[v * K + k] += w.nonContact;
    }
    for (const kn of pat.known) assignCost[v * K + kn.caregiver] -= kn.weight;
  }
  const S = input.syncs.length;
  const syncStart = new Int32Array(N + 1);
  for (const s of input.syncs) {
    syncStart[s.first + 1]++;
    syncStart[s.second + 1]++;
  }
  for (let v = 0; v < N; v++) syncStart[v + 1] += syncStart[v];
  const fill = syncStart.slice(0, N);
  const syncList = new Int32Array(2 * S);
  input.syncs.forEach((s, i) => {
    syncList[fill[s.first]++] = i;
    syncList[fill[s.second]++] = i;
  });
  const latestHard = Uint8Array.from(vs, (v) => (v.latestHard ? 1 : 0));
  const breaks = cs.map((c) =>
    c.breaks
      .map((b, index) => ({
        index,
        earliest: b.earliest,
        latest: b.latest,
        duration: b.duration,
      }))
      .sort((a, b) => a.earliest - b.earliest || a.index - b.index),
  );
  const profile = Int32Array.from(cs, (c) => c.profile);
  const samePlace = cs.every((c) => c.profile === cs[0]?.profile);
  const simpleTime =
    samePlace &&
    !comp.hasTimedWindows &&
    S === 0 &&
    latestHard.every((h) => h === 1) &&
    vs.every((v) => !v.durationByCaregiver) &&
    cs.every((c) => c.breaks.length === 0 && c.maxWorkWithoutBreak === 0);
  const hasDistinct =
    (w.distinctCaregiver > 0 || w.distinctOverCap > 0) && vs.some((v) => v.patient >= 0);
  let horizon = 0;
  for (const c of cs) horizon = Math.max(horizon, c.maxShiftEnd);
  for (const v of vs) horizon = Math.max(horizon, v.latest);
  return {
    input,
    weights: w,
    L,
    N,
    K,
    travel,
    distance,
    arcCost,
    loc: Int32Array.from(vs, (v) => v.location),
    earliest: Float64Array.from(vs, (v) => v.earliest),
    latest: Float64Array.from(vs, (v) => v.latest),
    latestHard,
    demand: Float64Array.from(vs, (v) => v.demand),
    penalty: Float64Array.from(vs, (v) => v.unassignedPenalty),
    patient: Int32Array.from(vs, (v) => v.patient),
    pinned: Int32Array.from(vs, (v) => v.pinnedCaregiver),
    service,
    allowed: comp.allowed,
    skillLo: comp.skillLo,
    skillHi: comp.skillHi,
    anyQualified: comp.anyQualified,
    assignCost,
    profile,
    startLoc: Int32Array.from(cs, (c) => c.startLocation),
    endLoc: Int32Array.from(cs, (c) => c.endLocation),
    shiftStart: Float64Array.from(cs, (c) => c.shiftStart),
    shiftEnd: Float64Array.from(cs, (c) => c.shiftEnd),
    maxShiftEnd: Float64Array.from(cs, (c) => c.maxShiftEnd),
    capacity: Float64Array.from(cs, (c) => c.capacity),
    fixed: Float64Array.from(cs, (c) => c.fixedCost * w.fixedCost),
    maxWork: Float64Array.from(cs, (c) => c.maxWorkWithoutBreak),
    breaks,
    syncFirst: Int32Array.from(input.syncs, (s) => s.first),
    syncSecond: Int32Array.from(input.syncs, (s) => s.second),
    syncMin: Float64Array.from(input.syncs, (s) => s.minGap),
    syncMax: Float64Array.from(input.syncs, (s) => s.maxGap),
    syncStart,
    syncList,
    simpleTime,
    singleProfile: samePlace,
    monotoneTime: S === 0 && cs.every((c) => c.breaks.length === 0 && c.maxWorkWithoutBreak === 0),
    hasSync: S > 0,
    hasDistinct,
    hasMaxLate: w.maxLateness > 0 && latestHard.some((h) => h === 0),
    allAllowed: comp.allowed.every((a) => a === 1),
    horizon: horizon * 4 + 1,
    kindOf: caregiverKinds(input, [service, comp.allowed, comp.skillLo, comp.skillHi, assignCost]),
  };
}

/** Groups caregivers that no rule or cost can tell apart, so equal empty routes are priced once. */
function caregiverKinds(input: ProblemInput, perVisit: ArrayLike<number>[]): Int32Array {
  const K = input.caregivers.length;
  const N = input.visits.length;
  const kindOf = new Int32Array(K);
  const reps: { key: string; k: number; kind: number }[] = [];
  let kinds = 0;
  for (let k = 0; k < K; k++) {
    const { id: _id, ...rest } = input.caregivers[k];
    const key = JSON.stringify(rest);
    const same = (r: number) => {
      for (const col of perVisit) {
        for (let v = 0; v < N; v++) if (col[v * K + k] !== col[v * K + r]) return false;
      }
      return true;
    };
    const found = reps.find((r) => r.key === key && same(r.k));
    if (found) kindOf[k] = found.kind;
    else {
      kindOf[k] = kinds;
      reps.push({ key, k, kind: kinds++ });
    }
  }
  return kindOf;
}
