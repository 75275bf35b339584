import { describe, expect, it } from 'vitest';
import { MIN_AFTER_START_MS, timeLeftMs } from '../../../server/solver-bridge/time-left.ts';

describe('the solver worker’s share of a time limit', () => {
  it('subtracts what starting the worker took', () => {
    expect(timeLeftMs(2000, 10_000, 10_300)).toBe(1700);
    expect(timeLeftMs(15_000, 10_000, 10_000)).toBe(15_000);
  });

  it('leaves the solver a minimum, or the whole limit when that is less', () => {
    expect(timeLeftMs(2000, 10_000, 11_990)).toBe(MIN_AFTER_START_MS);
    expect(timeLeftMs(2000, 10_000, 20_000)).toBe(MIN_AFTER_START_MS);
    expect(timeLeftMs(40, 10_000, 10_300)).toBe(40);
  });

  it('ignores a clock that stepped back between the threads’ readings', () => {
    expect(timeLeftMs(2000, 10_000, 9_000)).toBe(2000);
  });
});
