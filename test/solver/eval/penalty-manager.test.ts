import { describe, expect, it } from 'vitest';
import { PenaltyManager } from '../../../solver/eval/penalty-manager.ts';
import { prepareProblem } from '../../../solver/problem/problem-data.ts';
import { lineInstance } from '../helpers/line-instance.ts';

const d = prepareProblem(lineInstance([1, 2, 3]));

describe('PenaltyManager', () => {
  it('hands out one evaluator whose weights it owns and adapts per window of observations', () => {
    const pm = new PenaltyManager(d, 10, 4, 0.6, 4);
    const cost = pm.cost;
    expect([cost.tw, cost.cap]).toEqual([10, 4]);
    // A window where no solution was time-feasible and all were load-feasible.
    for (let i = 0; i < 3; i++) pm.register(5, 0);
    expect([cost.tw, cost.cap]).toEqual([10, 4]); // not before the window is full
    pm.register(5, 0);
    expect(pm.cost).toBe(cost);
    expect(cost.tw).toBeCloseTo(12.5, 12); // too few feasible: × 1.25
    expect(cost.cap).toBeCloseTo(3.4, 12); // more than the target: × 0.85
    // Near the target (within 5 points) nothing changes: 3 of 5 feasible = 60 %.
    const near = new PenaltyManager(d, 10, 4, 0.6, 5);
    for (const viol of [0, 0, 0, 1, 1]) near.register(viol, viol);
    expect([near.cost.tw, near.cost.cap]).toEqual([10, 4]);
  });

  it('keeps adapted weights within [min, max]', () => {
    const pm = new PenaltyManager(d, 1, 1, 0.6, 1, 0.5, 2);
    for (let i = 0; i < 20; i++) pm.register(1, 0);
    expect(pm.tw).toBe(2);
    expect(pm.cap).toBe(0.5);
  });

  it('forbids violations for the final re-insertion, above the adaptive range', () => {
    const pm = PenaltyManager.forProblem(d);
    expect(pm.tw).toBeGreaterThanOrEqual(1);
    pm.forbidViolations();
    expect(pm.cost.tw).toBe(1e12);
    expect(pm.cost.cap).toBe(1e12);
  });
});
