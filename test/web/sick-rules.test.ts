import { describe, expect, it } from 'vitest';
import {
  patientArea,
  releasedCount,
  resolveClockTime,
  rowState,
} from '../../web/console/sick/sick-rules.ts';
import type { ConsoleVisit } from '../../web/console/types.ts';

const visit = (
  id: string,
  status: ConsoleVisit['status'],
  staffIds: string[],
  start: string,
  version = 1,
) =>
  ({
    id,
    status,
    version,
    assignees: staffIds.map((staffId) => ({ staffId, plannedStart: start })),
  }) as ConsoleVisit;

describe('the sick call’s rules', () => {
  it('counts the visits the server releases: assigned or en route, within 24 h of `at`', () => {
    const at = Date.parse('2026-11-23T12:00:00Z');
    const visits = [
      visit('a', 'assigned', ['anna'], '2026-11-23T13:00:00Z'),
      visit('b', 'en_route', ['anna', 'bo'], '2026-11-23T12:10:00Z'),
      visit('c', 'in_progress', ['anna'], '2026-11-23T11:50:00Z'),
      visit('d', 'assigned', ['anna'], '2026-11-24T12:00:00Z'), // 24 h on: not released
      visit('e', 'assigned', ['bo'], '2026-11-23T13:00:00Z'),
    ];
    expect(releasedCount(visits, 'anna', at, at)).toBe(2);
    // Sick since an hour ago: the late 11:50 visit not started goes too.
    const lateOne = [visit('f', 'assigned', ['anna'], '2026-11-23T11:30:00Z')];
    expect(releasedCount(lateOne, 'anna', at, at)).toBe(1);
  });

  it('leaving later: only the visits planned at or after `at` are released', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const at = Date.parse('2026-11-23T17:00:00Z'); // leaves at 18:00 Stockholm
    const visits = [
      visit('a', 'assigned', ['anna'], '2026-11-23T13:00:00Z'), // their 14:00: stays
      visit('b', 'assigned', ['anna'], '2026-11-23T17:00:00Z'), // at `at`: released
      visit('c', 'en_route', ['anna'], '2026-11-23T19:00:00Z'),
    ];
    expect(releasedCount(visits, 'anna', at, now)).toBe(2);
  });

  it('reads a typed time as its occurrence nearest now, on Stockholm’s clock', () => {
    const now = Date.parse('2026-11-23T12:00:00Z'); // 13:00 in Stockholm
    expect(resolveClockTime('18:30', now)).toEqual({
      local: '2026-11-23T18:30',
      ms: Date.parse('2026-11-23T17:30:00Z'),
    });
    expect(resolveClockTime('09:00', now)?.local).toBe('2026-11-23T09:00');
    const lateEvening = Date.parse('2026-11-23T22:30:00Z'); // 23:30
    expect(resolveClockTime('01:00', lateEvening)?.local).toBe('2026-11-24T01:00');
    // Summer time: 13:00 is 11:00 UTC.
    expect(resolveClockTime('13:00', Date.parse('2026-07-01T10:00:00Z'))?.ms).toBe(
      Date.parse('2026-07-01T11:00:00Z'),
    );
    // The spring night's 02:30 does not exist: the nearest 02:30 is another night's.
    const spring = Date.parse('2026-03-29T01:00:00Z'); // 03:00 CEST, just after the gap
    expect(resolveClockTime('02:30', spring)?.local).not.toBe('2026-03-29T02:30');
    expect(resolveClockTime('25:00', now)).toBeNull();
    expect(resolveClockTime('', now)).toBeNull();
  });

  it('follows a proposed row on the live feed: open, accepted, changed', () => {
    const p = { expectedVersion: 2, staffIds: ['bo'] };
    expect(rowState(p, undefined)).toBe('open');
    expect(rowState(p, visit('a', 'unassigned', [], 'x', 2))).toBe('open');
    expect(rowState(p, visit('a', 'assigned', ['bo'], 'x', 3))).toBe('accepted');
    expect(rowState(p, visit('a', 'assigned', ['cilla'], 'x', 3))).toBe('changed');
    expect(rowState(p, visit('a', 'unassigned', [], 'x', 3))).toBe('changed');
  });

  it('shows a patient’s area as the street, without number, flat or municipality', () => {
    expect(patientArea('Storgatan 12B, lgh 1102, Stockholm')).toBe('Storgatan');
    expect(patientArea('Exempelvägen 2')).toBe('Exempelvägen');
    expect(patientArea('HVB-hem, Ringvägen 7, Solna')).toBe('HVB-hem, Ringvägen');
    expect(patientArea('Ingen siffra')).toBe('Ingen siffra');
  });
});
