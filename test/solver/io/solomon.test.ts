import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../solver/io/detect-format.ts';
import { parseSolomon } from '../../../solver/io/solomon.ts';

const c101 = readFileSync(new URL('../../../bench/data/solomon/c101.txt', import.meta.url), 'utf8');
const cell = (m: ArrayLike<number>, n: number, i: number, j: number) => m[i * n + j];

describe('parseSolomon', () => {
  it('reads C101 under DIMACS truncation (scale 10)', () => {
    const p = parseSolomon(c101, { rounding: 'dimacs', objective: 'distance' });
    expect(p.name).toBe('C101');
    expect(p.scale).toBe(10);
    expect(p.locations).toBe(101);
    expect(p.caregivers).toHaveLength(25);
    expect(p.visits).toHaveLength(100);
    // depot (40,50) → customer 1 (45,68): √349 = 18.681 → 18.6.
    expect(cell(p.profiles[0].distances, 101, 0, 1)).toBe(186);
    expect(cell(p.profiles[0].durations, 101, 0, 1)).toBe(186);
    // depot → customer 5 (42,65): √229 = 15.13 → 15.1; exact 5.0 to customer 3→5 (42,66)-(42,65) = 1.0.
    expect(cell(p.profiles[0].distances, 101, 3, 5)).toBe(10);
    expect(p.visits[0]).toMatchObject({
      id: '1',
      location: 1,
      earliest: 9120,
      latest: 9670,
      duration: 900,
      demand: 10,
      latestHard: true,
    });
    expect(p.caregivers[0]).toMatchObject({
      startLocation: 0,
      endLocation: 0,
      shiftStart: 0,
      shiftEnd: 12360,
      maxShiftEnd: 12360,
      capacity: 200,
      fixedCost: 0,
    });
    expect(p.weights).toMatchObject({ distance: 1, travelTime: 0, fixedCost: 0 });
  });

  it('reads C101 in double precision (scale 10000) with vehicles first', () => {
    const p = parseSolomon(c101, { rounding: 'double', objective: 'hierarchical' });
    expect(p.scale).toBe(10000);
    expect(cell(p.profiles[0].distances, 101, 0, 1)).toBe(Math.round(Math.sqrt(349) * 10000));
    expect(p.weights.fixedCost).toBe(1);
    // One vehicle outweighs any plan's distance (each customer is left once, the depot at
    // most 25 times, each by at most its longest arc); a missing customer outweighs the fleet.
    const m = Array.from(p.profiles[0].distances);
    const rowMax = (i: number) => Math.max(...m.slice(i * 101, (i + 1) * 101));
    let bound = 25 * rowMax(0);
    for (let i = 1; i <= 100; i++) bound += rowMax(i);
    const fixed = p.caregivers[0].fixedCost;
    expect(fixed).toBeGreaterThan(bound);
    expect(p.visits[0].unassignedPenalty).toBeGreaterThan(25 * fixed);
    expect(p.visits[0].unassignedPenalty * 100).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('truncates exact decimals without losing 0.1 to floating error', () => {
    // (0,0)→(0.3,0.4) is exactly 0.5; 10·d may compute as 4.999….
    const text =
      'T\nVEHICLE\nNUMBER CAPACITY\n1 10\nCUSTOMER\nCUST\n0 0 0 0 0 100 0\n1 0.3 0.4 1 0 100 0\n';
    expect(
      parseSolomon(text, { rounding: 'dimacs', objective: 'distance' }).profiles[0].distances[1],
    ).toBe(5);
  });

  it('is detected as Solomon', () => {
    expect(detectFormat(c101)).toBe('solomon');
  });
});

describe('parseSolomon on malformed files names the line', () => {
  const lines = c101.split('\n');
  const opts = { rounding: 'dimacs', objective: 'distance', source: 'c101.txt' } as const;
  const withLine = (i: number, text: string) =>
    lines.map((l, j) => (j === i - 1 ? text : l)).join('\n');

  it('short customer row', () => {
    expect(() =>
      parseSolomon(withLine(14, '    4      42         68         10        727'), opts),
    ).toThrow('c101.txt line 14: expected 7 numbers, got 5');
  });

  it('non-numeric value', () => {
    expect(() =>
      parseSolomon(
        withLine(11, '    1      45         68         ten        912        967         90'),
        opts,
      ),
    ).toThrow("c101.txt line 11: expected a number, got 'ten'");
  });

  it('customers out of order', () => {
    expect(() =>
      parseSolomon(
        withLine(13, '    7      45         70         30        825        870         90'),
        opts,
      ),
    ).toThrow('c101.txt line 13: expected customer number 3, got 7');
  });

  it('bad fleet line and missing sections', () => {
    expect(() => parseSolomon(withLine(5, '  25'), opts)).toThrow(
      'c101.txt line 5: expected 2 numbers, got 1',
    );
    expect(() => parseSolomon(c101.replace('CUSTOMER', 'CLIENTS'), opts)).toThrow(
      /c101\.txt line \d+: expected a 'CUSTOMER' line/,
    );
  });
});
