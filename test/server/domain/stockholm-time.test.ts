import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDayBounds, parseInstant, toLocalIso } from '../../../server/domain/stockholm-time.ts';

describe('Stockholm time at the edges', () => {
  it('has 23- and 25-hour days when the clocks change', () => {
    const spring = localDayBounds('2027-03-28');
    expect((spring.end.getTime() - spring.start.getTime()) / 3600_000).toBe(23);
    const autumn = localDayBounds('2026-10-25');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3600_000).toBe(25);
    expect(autumn.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('reads wall-clock times as Stockholm time and offsets as given', () => {
    expect(parseInstant('2026-07-01T08:00')).toEqual({
      ok: true,
      value: new Date('2026-07-01T06:00:00Z'),
    });
    expect(parseInstant('2026-12-01T08:00')).toEqual({
      ok: true,
      value: new Date('2026-12-01T07:00:00Z'),
    });
    expect(parseInstant('2026-10-25T02:30+02:00')).toEqual({
      ok: true,
      value: new Date('2026-10-25T00:30:00Z'),
    });
    expect(parseInstant('2026-10-25T02:30+01:00')).toEqual({
      ok: true,
      value: new Date('2026-10-25T01:30:00Z'),
    });
  });

  it('refuses 02:30 on the spring night and on the autumn night without an offset', () => {
    expect(parseInstant('2027-03-28T02:30')).toMatchObject({ ok: false });
    expect(parseInstant('2026-10-25T02:30')).toMatchObject({ ok: false });
    expect(parseInstant('yesterday')).toMatchObject({ ok: false });
  });

  it('takes one exact form, in the years 2000-2099, and a range when given (issue 16)', () => {
    for (const text of [
      '0001-12-05T12:00:00+01:00',
      '0099-06-01T12:00Z',
      '1999-12-31T23:59Z',
      '2100-01-01T00:00Z',
      '2026-W48-1T07:30Z',
      '20261123T0730Z',
      '2026-11-23T24:00Z',
      '2026-11-23T07:30+15:00',
      '2026-11-23T07:30:00.1234Z',
      '2026-11-23 07:30Z',
      '2026-11-23',
    ])
      expect(parseInstant(text), text).toMatchObject({ ok: false });
    expect(parseInstant('2026-11-23T07:30:15.5+0100')).toEqual({
      ok: true,
      value: new Date('2026-11-23T06:30:15.500Z'),
    });
    const range = { min: new Date('2026-11-23T00:00Z'), max: new Date('2026-11-24T00:00Z') };
    expect(parseInstant('2026-11-24T00:00Z', range)).toMatchObject({ ok: true });
    expect(parseInstant('2026-11-24T00:01Z', range)).toEqual({
      ok: false,
      message: 'must be between 2026-11-23T01:00:00+01:00 and 2026-11-24T01:00:00+01:00',
    });
  });

  it('shows both 02:30s of the autumn night with their offsets', () => {
    expect(toLocalIso(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(toLocalIso(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('formats as luxon does, every minute around both clock changes and at random instants', () => {
    const luxon = (d: Date) =>
      DateTime.fromJSDate(d, { zone: 'Europe/Stockholm' }).toISO({ suppressMilliseconds: true });
    const instants: Date[] = [];
    for (const night of ['2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z', '2027-03-28T00:00:00Z']) {
      const t0 = Date.parse(night);
      for (let m = 0; m < 4 * 60; m++) instants.push(new Date(t0 + m * 60_000 + (m % 7) * 131));
    }
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) instants.push(new Date(Math.floor(rnd() * 4e12)));
    for (const d of instants) expect(toLocalIso(d)).toBe(luxon(d));
  });
});
