import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../../solver/problem/compatibility.ts';
import { lineInstance } from '../helpers/line-instance.ts';

describe('buildCompatibility', () => {
  // Two visits needing skill 1 (duration 30); caregiver 0 holds it only through delegations.
  const input = lineInstance([1, 2], {
    visit: [{ skills: [1] }, { skills: [1] }],
    caregiver: [
      {
        timedSkills: [
          { skill: 1, from: 0, to: 100 },
          { skill: 1, from: 50, to: 400 },
          { skill: 1, from: 500, to: 850 },
        ],
      },
      { skills: [0] },
    ],
  });
  const K = input.caregivers.length;
  const duration = new Float64Array(input.visits.length * K).fill(30);
  const c = buildCompatibility(input, duration);

  it('takes the widest delegation of a skill, the first of equal width', () => {
    for (const v of [0, 1]) {
      expect(c.allowed[v * K]).toBe(1);
      expect(c.skillLo[v * K]).toBe(50);
      expect(c.skillHi[v * K]).toBe(370);
    }
    expect(c.hasTimedWindows).toBe(true);
  });

  it('refuses a caregiver with neither the skill nor a delegation of it', () => {
    expect(c.allowed[1]).toBe(0);
    expect(c.anyQualified[0]).toBe(1);
  });
});
