import type { ProblemInput } from '../model/problem-input.ts';
import { caregiverName, real, visitName } from './names.ts';
import type { Placement } from './placement.ts';

/** Sync pairs: both made or both not, by two different caregivers, starts within the gap. */
export function checkSyncs(
  input: ProblemInput,
  placed: (Placement | undefined)[],
  violations: string[],
): void {
  input.syncs.forEach((s, i) => {
    const a = placed[s.first];
    const b = placed[s.second];
    const pair = `sync ${i} (${visitName(input, s.first)} → ${visitName(input, s.second)})`;
    if (!a && !b) return;
    if (!a || !b) {
      violations.push(`${pair}: only ${visitName(input, a ? s.first : s.second)} is made`);
      return;
    }
    if (a.caregiver === b.caregiver) {
      violations.push(`${pair}: both made by ${caregiverName(input, a.caregiver)}`);
    }
    const gap = b.start - a.start;
    if (gap < s.minGap || gap > s.maxGap) {
      violations.push(
        `${pair}: start gap ${real(input, gap)} outside [${real(input, s.minGap)}, ${real(input, s.maxGap)}]`,
      );
    }
  });
}
