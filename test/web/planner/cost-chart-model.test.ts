import { describe, expect, it } from 'vitest';
import {
  addPoint,
  formatCost,
  polylinePoints,
  progressPercent,
} from '../../../web/planner/cost-chart-model.ts';

const BOX = { width: 110, height: 60, pad: 5 };

describe('the best-cost chart', () => {
  it('spreads time over the budget and cost from lowest (bottom) to highest (top)', () => {
    const series = [
      { elapsedMs: 0, cost: 300 },
      { elapsedMs: 5000, cost: 200 },
      { elapsedMs: 10_000, cost: 100 },
    ];
    // Budget 10 s: x from 5 to 105; cost 300 at the top (y 5), 100 at the bottom (y 55).
    expect(polylinePoints(series, 10_000, BOX)).toBe('5,5 55,30 105,55');
  });

  it('keeps the budget as the x axis while the job is half way', () => {
    expect(polylinePoints([{ elapsedMs: 5000, cost: 7 }], 10_000, BOX)).toBe('55,30');
  });

  it('stretches the axis when a job runs past its budget', () => {
    const points = polylinePoints(
      [
        { elapsedMs: 0, cost: 2 },
        { elapsedMs: 20_000, cost: 1 },
      ],
      10_000,
      BOX,
    );
    expect(points).toBe('5,5 105,55');
  });

  it('draws nothing for no points and a flat series mid-height', () => {
    expect(polylinePoints([], 10_000, BOX)).toBe('');
    const flat = polylinePoints(
      [
        { elapsedMs: 0, cost: 4 },
        { elapsedMs: 10_000, cost: 4 },
      ],
      10_000,
      BOX,
    );
    expect(flat).toBe('5,30 105,30');
  });

  it('adds a point only when time moved on or the cost changed', () => {
    let s = addPoint([], { elapsedMs: 1000, cost: 10 });
    s = addPoint(s, { elapsedMs: 1000, cost: 10 });
    s = addPoint(s, { elapsedMs: 500, cost: 9 });
    s = addPoint(s, { elapsedMs: 1500, cost: 8 });
    expect(s).toEqual([
      { elapsedMs: 1000, cost: 10 },
      { elapsedMs: 1500, cost: 8 },
    ]);
  });

  it('gives the progress as a whole percentage within 0-100', () => {
    expect(progressPercent(0, 10_000)).toBe(0);
    expect(progressPercent(2500, 10_000)).toBe(25);
    expect(progressPercent(12_000, 10_000)).toBe(100);
    expect(progressPercent(1, 0)).toBe(100);
  });

  it('writes costs as whole numbers with Swedish grouping', () => {
    expect(formatCost(1234567.8)).toBe('1\u00a0234\u00a0568');
    expect(formatCost(null)).toBe('–');
  });
});

describe('the chart series across feasibility', () => {
  it('starts again at the first feasible plan and leaves out infeasible points after it', () => {
    let s = addPoint([], { elapsedMs: 100, cost: 5, feasible: false });
    s = addPoint(s, { elapsedMs: 200, cost: 4, feasible: false });
    s = addPoint(s, { elapsedMs: 300, cost: 900, feasible: true });
    s = addPoint(s, { elapsedMs: 400, cost: 3, feasible: false });
    s = addPoint(s, { elapsedMs: 500, cost: 800, feasible: true });
    expect(s).toEqual([
      { elapsedMs: 300, cost: 900, feasible: true },
      { elapsedMs: 500, cost: 800, feasible: true },
    ]);
  });
});
