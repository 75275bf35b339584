import { describe, expect, it } from 'vitest';
import { personalNumberProblem } from '../../../server/discharge/personal-number.ts';

describe('personalNumberProblem', () => {
  it('accepts a valid number, by hand: 19121212121 2', () => {
    // Luhn over 121212121 with weights 2,1,2,…: 2+2+2+2+2+2+2+2+2 = 18 → check digit 2.
    expect(personalNumberProblem('191212121212')).toBeNull();
  });
  it('accepts a coordination number (day + 60) with its check digit', () => {
    // 1212721212 (day 12 + 60 = 72): 2+2+2+2+5(7·2=14→1+4)+2+2+2+2 = 21 → check digit 9.
    expect(personalNumberProblem('191212721219')).toBeNull();
  });
  it('names what is wrong: length or form, date, check digit', () => {
    expect(personalNumberProblem('1912121212')).toBe('format');
    expect(personalNumberProblem('19121212-1212')).toBe('format');
    expect(personalNumberProblem('171212121212')).toBe('format');
    expect(personalNumberProblem('191302301212')).toBe('date');
    expect(personalNumberProblem('191212121213')).toBe('check_digit');
  });
});
