import { describe, expect, it } from 'vitest';
import {
  type Box,
  lineSegments,
  niceStep,
  xOf,
  yOf,
  yScale,
} from '../../../web/board/chart-scale.ts';

const box: Box = { width: 240, height: 100, left: 40, right: 0, top: 10, bottom: 10 };

describe('chart scaling', () => {
  it('picks round steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10)).toBe(5); // 10 / 4 = 2.5 → 5
    expect(niceStep(8)).toBe(2);
    expect(niceStep(0.93)).toBe(0.5);
    expect(niceStep(1234)).toBe(500);
    expect(niceStep(0)).toBe(1);
  });

  it('runs the y axis from 0 to a round top with round ticks', () => {
    expect(yScale([3, 14, 9])).toEqual({ min: 0, max: 15, ticks: [0, 5, 10, 15] });
    expect(yScale([null, 212, 180])).toEqual({ min: 0, max: 300, ticks: [0, 100, 200, 300] });
  });

  it('caps a share at 1 and gives all-empty data a 0-1 axis', () => {
    expect(yScale([0.93, 0.97], 1)).toEqual({ min: 0, max: 1, ticks: [0, 0.5, 1] });
    expect(yScale([null, null])).toEqual({ min: 0, max: 1, ticks: [0, 0.5, 1] });
    expect(yScale([0, 0], 1).max).toBe(1);
  });

  it('gives counts whole-number ticks, also when they are all 0 or 1', () => {
    expect(yScale([0, 1, 0], undefined, true)).toEqual({ min: 0, max: 1, ticks: [0, 1] });
    expect(yScale([0, 0], undefined, true)).toEqual({ min: 0, max: 2, ticks: [0, 1, 2] });
    expect(yScale([3, 14], undefined, true).ticks).toEqual([0, 5, 10, 15]);
  });

  it('goes below 0 when a value does (overrun minutes can be negative)', () => {
    const s = yScale([-4, 6]);
    expect(s.min).toBe(-5);
    expect(s.max).toBe(10);
    expect(s.ticks).toEqual([-5, 0, 5, 10]);
  });

  it('places the top of the scale at the top of the plot and 0 at its bottom', () => {
    const s = yScale([3, 14, 9]);
    expect(yOf(15, s, box)).toBe(10);
    expect(yOf(0, s, box)).toBe(90);
    expect(yOf(7.5, s, box)).toBe(50);
    expect(xOf(0, 4, box)).toBe(65);
    expect(xOf(3, 4, box)).toBe(215);
  });

  it('breaks the line where a day has no value', () => {
    const s = yScale([10]);
    const segments = lineSegments(
      [
        { key: 'a', value: 10 },
        { key: 'b', value: 0 },
        { key: 'c', value: null },
        { key: 'd', value: 10 },
      ],
      s,
      box,
    );
    expect(segments).toEqual(['65,10 115,90', '215,10']);
  });
});
