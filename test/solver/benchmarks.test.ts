import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MANKOWSKA_COST_DIVISOR,
  MANKOWSKA_SCALE,
  parseMankowska,
} from '../../solver/io/mankowska.ts';
import { parseSolomon } from '../../solver/io/solomon.ts';
import { solve } from '../../solver/solve.ts';
import { expectValid } from './helpers/check.ts';

const data = (path: string) =>
  readFileSync(new URL(`../../bench/data/${path}`, import.meta.url), 'utf8');
let tick = 0;
const clock = () => tick++;

describe('solve on benchmark instances (short deterministic budgets)', () => {
  it('finds the proven optimum of Solomon C101 (827.3, DIMACS)', () => {
    const input = parseSolomon(data('solomon/c101.txt'), {
      rounding: 'dimacs',
      objective: 'distance',
    });
    const s = solve(input, { seed: 1, timeLimitMs: 1e12, clock, maxIterations: 300 });
    expectValid(input, s);
    expect(s.terms.distance).toBe(8273);
    expect(s.unassigned).toEqual([]);
  });

  it('gets within 3 % of R101 (1637.7) in 1,500 iterations', () => {
    const input = parseSolomon(data('solomon/r101.txt'), {
      rounding: 'dimacs',
      objective: 'distance',
    });
    const s = solve(input, { seed: 1, timeLimitMs: 1e12, clock, maxIterations: 1500 });
    expectValid(input, s);
    expect(s.terms.distance / 10).toBeLessThan(1637.7 * 1.03);
  });

  it('finds the optimum of Mankowska A1 (218.2) with its double services', () => {
    const input = parseMankowska(data('mankowska2014/InstanzCPLEX_HCSRP_10_1.txt'), { name: 'A1' });
    const s = solve(input, { seed: 1, timeLimitMs: 1e12, clock, maxIterations: 500 });
    expectValid(input, s);
    expect(s.cost / MANKOWSKA_SCALE / MANKOWSKA_COST_DIVISOR).toBeCloseTo(218.2, 1);
  });
});
