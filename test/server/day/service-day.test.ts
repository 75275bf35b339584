import { describe, expect, it } from 'vitest';
import {
  KNOWN_DAYS,
  knownSince,
  liveWindow,
  serviceDayRange,
} from '../../../server/day/service-day.ts';

const iso = (r: { start: Date; end: Date }) => [r.start.toISOString(), r.end.toISOString()];
const hours = (r: { start: Date; end: Date }) => (r.end.getTime() - r.start.getTime()) / 3600_000;

describe('serviceDayRange', () => {
  it('runs from local midnight to 07:30 the morning after; before 07:30 it is still last night', () => {
    const day = ['2026-11-22T23:00:00.000Z', '2026-11-24T06:30:00.000Z'];
    expect(iso(serviceDayRange(new Date('2026-11-23T12:00:00Z')))).toEqual(day);
    expect(iso(serviceDayRange(new Date('2026-11-24T02:00:00Z')))).toEqual(day); // 03:00 local
    expect(iso(serviceDayRange(new Date('2026-11-24T06:30:00Z')))[0]).toBe(
      '2026-11-23T23:00:00.000Z',
    );
  });

  it('follows the autumn clock change: the night of 25 October 2026 is an hour longer', () => {
    const r = serviceDayRange(new Date('2026-10-25T12:00:00Z'));
    expect(r.start.toISOString()).toBe('2026-10-24T22:00:00.000Z'); // 00:00 CEST
    expect(r.end.toISOString()).toBe('2026-10-26T06:30:00.000Z'); // 07:30 CET
    // In that night itself, 06:00 CET (after the repeated hour): still the 24th's day.
    const night = serviceDayRange(new Date('2026-10-25T05:00:00Z'));
    expect(iso(night)).toEqual(['2026-10-23T22:00:00.000Z', '2026-10-25T06:30:00.000Z']);
    expect(hours(night)).toBe(32.5);
  });

  it('follows the spring clock change: the night of 29 March 2026 is an hour shorter', () => {
    // 05:00 CEST on the 29th, before 07:30: still the 28th's service day.
    const night = serviceDayRange(new Date('2026-03-29T03:00:00Z'));
    expect(iso(night)).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-29T05:30:00.000Z']);
    expect(hours(night)).toBe(30.5);
    // 07:30 CEST exactly: the 29th's day begins at its midnight, still CET.
    const day = serviceDayRange(new Date('2026-03-29T05:30:00Z'));
    expect(iso(day)).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-30T05:30:00.000Z']);
  });
});

describe('the history and live windows', () => {
  it('counts a caregiver as known for KNOWN_DAYS days back', () => {
    expect(KNOWN_DAYS).toBe(14);
    expect(knownSince(new Date('2026-11-23T12:00:00Z')).toISOString()).toBe(
      '2026-11-09T12:00:00.000Z',
    );
  });

  it('keeps yesterday to the day after tomorrow in memory', () => {
    expect(iso(liveWindow(new Date('2026-11-23T12:00:00Z')))).toEqual([
      '2026-11-22T12:00:00.000Z',
      '2026-11-25T12:00:00.000Z',
    ]);
  });
});
