import { describe, expect, it } from 'vitest';
import { classOf, quantileClasses } from '../../../web/board/class-breaks.ts';

describe('class breaks for the county map', () => {
  it('splits ten values into five classes of two, bounds from the data', () => {
    const values = [15, 11, 12, 13, 14, 16, 17, 18, 19, 20];
    const classes = quantileClasses(values);
    expect(classes.map((c) => [c.from, c.to, c.count])).toEqual([
      [11, 12, 2],
      [13, 14, 2],
      [15, 16, 2],
      [17, 18, 2],
      [19, 20, 2],
    ]);
    expect(classOf(11, classes)).toBe(0);
    expect(classOf(14, classes)).toBe(1);
    expect(classOf(20, classes)).toBe(4);
  });

  it('keeps equal values in one class and leaves nulls out', () => {
    const classes = quantileClasses([12, 12, 12, 12, 13, null, 14]);
    // Every municipality in exactly one class: counts add up to the values present.
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(6);
    expect(classes[0]).toEqual({ index: 0, from: 12, to: 12, count: 4 });
    for (let i = 1; i < classes.length; i++)
      expect(classes[i]!.from).toBeGreaterThan(classes[i - 1]!.to);
    expect(classOf(null, classes)).toBeNull();
  });

  it('gives one class to one distinct value and none to no values', () => {
    expect(quantileClasses([7, 7, 7])).toEqual([{ index: 0, from: 7, to: 7, count: 3 }]);
    expect(quantileClasses([null, null])).toEqual([]);
  });

  it('never gives more classes than distinct values, nor more than asked', () => {
    expect(quantileClasses([1, 2, 3])).toHaveLength(3);
    expect(
      quantileClasses(
        Array.from({ length: 26 }, (_, i) => i),
        5,
      ),
    ).toHaveLength(5);
  });
});
