import type { ProblemInput } from '../model/problem-input.ts';

/**
 * Checks the shape of a ProblemInput once, so the search can trust its arrays. Every
 * error names the offending field, e.g. `visits[3].location: index 120 out of range`.
 */
export function validateInput(input: ProblemInput): void {
  const fail = (field: string, msg: string): never => {
    throw new Error(`invalid problem input: ${field}: ${msg}`);
  };
  const int = (field: string, v: unknown, min = 0): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(field, `not a finite number (${v})`);
    if ((v as number) < min) fail(field, `must be ≥ ${min} (got ${v})`);
  };
  const index = (field: string, v: number, n: number, allowNone = false): void => {
    if (!Number.isInteger(v) || v >= n || v < (allowNone ? -1 : 0)) {
      fail(field, `index ${v} out of range [${allowNone ? -1 : 0}, ${n})`);
    }
  };
  if (!(input.scale > 0)) fail('scale', `must be > 0 (got ${input.scale})`);
  const L = input.locations;
  if (!Number.isInteger(L) || L < 1) fail('locations', `must be a positive integer (got ${L})`);
  if (input.profiles.length === 0) fail('profiles', 'at least one travel profile is needed');
  input.profiles.forEach((p, i) => {
    for (const key of ['durations', 'distances'] as const) {
      const m = p[key];
      if (!m || m.length !== L * L) fail(`profiles[${i}].${key}`, `length ${m?.length} ≠ ${L * L}`);
      for (let j = 0; j < m.length; j++) {
        if (!(m[j] >= 0) || !Number.isFinite(m[j])) {
          fail(`profiles[${i}].${key}[${j}]`, `must be a finite number ≥ 0 (got ${m[j]})`);
        }
      }
    }
  });
  const K = input.caregivers.length;
  const P = input.patients.length;
  input.caregivers.forEach((c, k) => {
    const f = `caregivers[${k}]`;
    index(`${f}.profile`, c.profile, input.profiles.length);
    index(`${f}.startLocation`, c.startLocation, L);
    index(`${f}.endLocation`, c.endLocation, L);
    int(`${f}.shiftStart`, c.shiftStart);
    int(`${f}.shiftEnd`, c.shiftEnd, c.shiftStart);
    int(`${f}.maxShiftEnd`, c.maxShiftEnd, c.shiftEnd);
    int(`${f}.capacity`, c.capacity);
    int(`${f}.fixedCost`, c.fixedCost);
    int(`${f}.maxWorkWithoutBreak`, c.maxWorkWithoutBreak);
    c.skills.forEach((s, i) => {
      int(`${f}.skills[${i}]`, s);
    });
    c.timedSkills.forEach((t, i) => {
      int(`${f}.timedSkills[${i}].skill`, t.skill);
      int(`${f}.timedSkills[${i}].from`, t.from);
      int(`${f}.timedSkills[${i}].to`, t.to, t.from);
    });
    c.breaks.forEach((b, i) => {
      int(`${f}.breaks[${i}].earliest`, b.earliest);
      int(`${f}.breaks[${i}].latest`, b.latest, b.earliest);
      int(`${f}.breaks[${i}].duration`, b.duration);
    });
  });
  input.visits.forEach((v, i) => {
    const f = `visits[${i}]`;
    index(`${f}.location`, v.location, L);
    index(`${f}.patient`, v.patient, P, true);
    int(`${f}.earliest`, v.earliest);
    int(`${f}.latest`, v.latest, v.earliest);
    int(`${f}.duration`, v.duration);
    int(`${f}.demand`, v.demand);
    int(`${f}.unassignedPenalty`, v.unassignedPenalty);
    if (v.durationByCaregiver) {
      if (v.durationByCaregiver.length !== K) {
        fail(
          `${f}.durationByCaregiver`,
          `length ${v.durationByCaregiver.length} ≠ ${K} caregivers`,
        );
      }
      v.durationByCaregiver.forEach((d, k) => {
        int(`${f}.durationByCaregiver[${k}]`, d);
      });
    }
    v.skills.forEach((s, j) => {
      int(`${f}.skills[${j}]`, s);
    });
    v.excluded.forEach((k, j) => {
      index(`${f}.excluded[${j}]`, k, K);
    });
    index(`${f}.pinnedCaregiver`, v.pinnedCaregiver, K, true);
  });
  input.patients.forEach((p, i) => {
    const f = `patients[${i}]`;
    index(`${f}.contact`, p.contact, K, true);
    p.known.forEach((kn, j) => {
      index(`${f}.known[${j}].caregiver`, kn.caregiver, K);
      int(`${f}.known[${j}].weight`, kn.weight);
    });
    int(`${f}.maxDistinct`, p.maxDistinct);
  });
  const N = input.visits.length;
  input.syncs.forEach((s, i) => {
    const f = `syncs[${i}]`;
    index(`${f}.first`, s.first, N);
    index(`${f}.second`, s.second, N);
    if (s.first === s.second) fail(f, 'first and second are the same visit');
    if (!Number.isFinite(s.minGap) || !Number.isFinite(s.maxGap) || s.minGap > s.maxGap) {
      fail(f, `needs finite minGap ≤ maxGap (got ${s.minGap}, ${s.maxGap})`);
    }
  });
  for (const [key, w] of Object.entries(input.weights)) int(`weights.${key}`, w);
}
