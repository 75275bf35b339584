import type { ProblemInput } from '../model/problem-input.ts';

/**
 * Which caregiver may make which visit, and when. Skills are bitmasks (one 32-bit word
 * per 32 skills); a skill held only through a delegation turns into a caregiver-specific
 * start window [lo, hi], because it counts only when [from, to] covers the whole visit.
 */
export interface Compatibility {
  /** 1 when caregiver k may make visit v at some time: `allowed[v * K + k]`. */
  allowed: Uint8Array;
  /** Start window imposed by delegations (−∞/+∞ when none is needed). */
  skillLo: Float64Array;
  skillHi: Float64Array;
  /** Why nobody may make the visit, for unassigned reasons. */
  anyQualified: Uint8Array;
  hasTimedWindows: boolean;
}

function maskOf(skills: number[], words: number): Uint32Array {
  const m = new Uint32Array(words);
  for (const s of skills) m[s >>> 5] |= 1 << (s & 31);
  return m;
}

export function buildCompatibility(input: ProblemInput, duration: Float64Array): Compatibility {
  const K = input.caregivers.length;
  const N = input.visits.length;
  let maxSkill = 0;
  for (const v of input.visits) for (const s of v.skills) maxSkill = Math.max(maxSkill, s);
  const words = (maxSkill >>> 5) + 1;
  const held = input.caregivers.map((c) => maskOf(c.skills, words));
  // Per caregiver, the widest delegation of each skill (the first of equal width), found
  // once: looking through a caregiver's delegations per visit was most of this function.
  const widest = input.caregivers.map((c) => {
    const best = new Map<number, { from: number; to: number }>();
    for (const t of c.timedSkills) {
      const b = best.get(t.skill);
      if (!b || t.to - t.from > b.to - b.from) best.set(t.skill, t);
    }
    return best;
  });
  const allowed = new Uint8Array(N * K);
  const skillLo = new Float64Array(N * K).fill(Number.NEGATIVE_INFINITY);
  const skillHi = new Float64Array(N * K).fill(Number.POSITIVE_INFINITY);
  const anyQualified = new Uint8Array(N);
  let hasTimedWindows = false;
  for (let v = 0; v < N; v++) {
    const visit = input.visits[v];
    const excluded = new Set(visit.excluded);
    for (let k = 0; k < K; k++) {
      let lo = Number.NEGATIVE_INFINITY;
      let hi = Number.POSITIVE_INFINITY;
      let ok = true;
      for (const s of visit.skills) {
        if ((held[k][s >>> 5] >>> (s & 31)) & 1) continue;
        // Not held for the whole shift: the widest delegation of that skill must cover it.
        const best = widest[k].get(s);
        if (!best) {
          ok = false;
          break;
        }
        lo = Math.max(lo, best.from);
        hi = Math.min(hi, best.to - duration[v * K + k]);
      }
      if (ok && lo <= hi) anyQualified[v] = 1;
      if (!ok || lo > hi || excluded.has(k)) continue;
      if (visit.pinnedCaregiver >= 0 && visit.pinnedCaregiver !== k) continue;
      allowed[v * K + k] = 1;
      skillLo[v * K + k] = lo;
      skillHi[v * K + k] = hi;
      if (lo > Number.NEGATIVE_INFINITY) hasTimedWindows = true;
    }
  }
  return { allowed, skillLo, skillHi, anyQualified, hasTimedWindows };
}
