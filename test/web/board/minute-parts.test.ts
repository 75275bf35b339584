import { describe, expect, it } from 'vitest';
import { formatMinutes, minuteParts } from '../../../web/board/figures.ts';

describe("a tile's minutes at a glance", () => {
  it('rounds to whole minutes, and from an hour and a half says hours and minutes', () => {
    expect(minuteParts(40)).toEqual([['40', 'min']]);
    expect(minuteParts(34.5)).toEqual([['35', 'min']]);
    expect(minuteParts(60)).toEqual([['60', 'min']]);
    expect(minuteParts(89.6)).toEqual([
      ['1', 'tim'],
      ['30', 'min'],
    ]);
    expect(formatMinutes(142.9)).toBe('2 tim 23 min');
    expect(formatMinutes(399.3)).toBe('6 tim 39 min');
    expect(formatMinutes(-3.2)).toBe('-3 min');
  });
});
