import type { ProblemInput } from '../model/problem-input.ts';

/** "caregiver 2 (anna)" — index for code, id for people. */
export function caregiverName(input: ProblemInput, k: number): string {
  const id = input.caregivers[k]?.id;
  return id === undefined ? `caregiver ${k}` : `caregiver ${k} (${id})`;
}

export function visitName(input: ProblemInput, v: number): string {
  const id = input.visits[v]?.id;
  return id === undefined ? `visit ${v}` : `visit ${v} (${id})`;
}

/** Scaled integer → real units for messages, so times read as in the source data. */
export function real(input: ProblemInput, value: number): string {
  return String(Number((value / input.scale).toFixed(4)));
}
