import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import { lineInstance } from './line-instance.ts';

/**
 * More caregivers than greedy insertion's granular limit (40), each with one visit at
 * location 1; the last caregiver, the only one with skill 1, has its visit far off at
 * location 3. The target visit, at location 1 beside all the others, needs skill 1: its
 * one place is on a route far from every one of its neighbours. Returns the input, the
 * routes (one visit per caregiver) and the target.
 */
export function farRouteInstance(caregivers = 45): {
  input: ProblemInput;
  routes: number[][];
  target: number;
} {
  const K = caregivers;
  const at = [...Array.from({ length: K - 1 }, () => 1), 3, 1];
  const input = lineInstance(at, {
    visit: at.map((_, v) => (v === K ? { skills: [1] } : {})),
  });
  const base = input.caregivers[0];
  input.caregivers = Array.from({ length: K }, (_, k) => ({
    ...base,
    id: `c${k}`,
    skills: k === K - 1 ? [0, 1] : [0],
  }));
  return { input, routes: Array.from({ length: K }, (_, k) => [k]), target: K };
}
