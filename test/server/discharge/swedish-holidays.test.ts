import { describe, expect, it } from 'vitest';
import { isWorkingDay, swedishHolidays } from '../../../server/discharge/swedish-holidays.ts';

describe('Swedish public holidays', () => {
  it('2026, checked against the almanac', () => {
    expect([...swedishHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03', // Good Friday (Easter Sunday 5 April)
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14', // Ascension Day
      '2026-05-24', // Pentecost
      '2026-06-06',
      '2026-06-19', // Midsummer Eve, a Friday
      '2026-06-20',
      '2026-10-31', // All Saints' Day, a Saturday
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
  });

  it('Easter 2027 falls on 28 March: Good Friday 26 March is no working day', () => {
    expect(swedishHolidays(2027).has('2027-03-28')).toBe(true);
    expect(isWorkingDay('2027-03-26')).toBe(false);
    expect(isWorkingDay('2027-03-25')).toBe(true);
  });

  it('weekends are no working days, an ordinary Monday is', () => {
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-11-29')).toBe(false);
    expect(isWorkingDay('2026-11-30')).toBe(true);
  });
});
