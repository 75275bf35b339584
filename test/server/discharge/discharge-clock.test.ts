import { describe, expect, it } from 'vitest';
import {
  dayZero,
  dischargeClock,
  liabilityStart,
  sipDeadline,
} from '../../../server/discharge/discharge-clock.ts';
import {
  LAW_WITHOUT_AGREEMENT,
  type LiabilityRule,
  STOCKHOLM_AGREEMENT,
} from '../../../server/discharge/liability-settings.ts';

// Every expected day below was worked out by hand with a calendar (comments say how).
const somatic = STOCKHOLM_AGREEMENT.somatic; // 2 calendar days, day 0 counts, 9,300 SEK
const at = (iso: string) => new Date(iso);
const withRule = (patch: Partial<LiabilityRule>): LiabilityRule => ({ ...somatic, ...patch });

describe('payment liability start', () => {
  it('Stockholm somatic: ready Monday 10:00 → free Mon, Tue → pays from Wednesday', () => {
    expect(liabilityStart(at('2026-11-23T09:00:00Z'), somatic)).toBe('2026-11-25');
  });

  it('calendar days run over the weekend: ready Friday 22:00 → free Fri, Sat → Sunday', () => {
    expect(liabilityStart(at('2026-11-27T21:00:00Z'), somatic)).toBe('2026-11-29');
  });

  it('psychiatric, 5 days from day 0: ready Monday → free Mon-Fri → Saturday', () => {
    expect(liabilityStart(at('2026-11-23T09:00:00Z'), STOCKHOLM_AGREEMENT.psychiatric)).toBe(
      '2026-11-28',
    );
  });

  it('the law without an agreement: ready Monday → 3 days pass (Tue-Thu) → Friday', () => {
    expect(liabilityStart(at('2026-11-23T09:00:00Z'), LAW_WITHOUT_AGREEMENT)).toBe('2026-11-27');
  });

  it('a cut-off at 16: 15:59 counts Monday as day 0, 16:00 makes Tuesday day 0', () => {
    const rule = withRule({ cutoffHour: 16 });
    expect(dayZero(at('2026-11-23T14:59:00Z'), rule)).toBe('2026-11-23');
    expect(liabilityStart(at('2026-11-23T14:59:00Z'), rule)).toBe('2026-11-25');
    expect(dayZero(at('2026-11-23T15:00:00Z'), rule)).toBe('2026-11-24');
    expect(liabilityStart(at('2026-11-23T15:00:00Z'), rule)).toBe('2026-11-26');
  });

  it('working days skip the weekend: ready Friday → Fri, Mon free → Tuesday', () => {
    const rule = withRule({ countsWorkingDays: true });
    expect(liabilityStart(at('2026-11-27T09:00:00Z'), rule)).toBe('2026-12-01');
  });

  it('working days skip Easter: ready Maundy Thursday → Thu, (Fri-Mon off) Tue → Wednesday', () => {
    const rule = withRule({ countsWorkingDays: true });
    expect(liabilityStart(at('2026-04-02T08:00:00Z'), rule)).toBe('2026-04-08');
  });

  it('working days skip Christmas: ready Wed 23 Dec → Wed, (24-27 off) Mon 28 → Tuesday 29', () => {
    const rule = withRule({ countsWorkingDays: true });
    expect(liabilityStart(at('2026-12-23T09:00:00Z'), rule)).toBe('2026-12-29');
  });

  it('spring clock change: 01:59 CET and 03:30 CEST are 31 minutes apart but either side of a 03 cut-off', () => {
    const rule = withRule({ cutoffHour: 3 });
    expect(dayZero(at('2026-03-29T00:59:00Z'), rule)).toBe('2026-03-29'); // 01:59 local
    expect(dayZero(at('2026-03-29T01:30:00Z'), rule)).toBe('2026-03-30'); // 03:30 local
    expect(liabilityStart(at('2026-03-29T01:30:00Z'), rule)).toBe('2026-04-01');
  });

  it('the Stockholm day, not the UTC day: 00:30 on 29 March is still 28 March in UTC', () => {
    expect(dayZero(at('2026-03-28T23:30:00Z'), somatic)).toBe('2026-03-29');
    expect(liabilityStart(at('2026-03-28T23:30:00Z'), somatic)).toBe('2026-03-31');
  });

  it('autumn clock change: both passes of 02:30 on 25 October are day 0 the 25th', () => {
    const rule = withRule({ cutoffHour: 3 });
    expect(dayZero(at('2026-10-25T00:30:00Z'), rule)).toBe('2026-10-25'); // 02:30 CEST
    expect(dayZero(at('2026-10-25T01:30:00Z'), rule)).toBe('2026-10-25'); // 02:30 CET
    expect(dayZero(at('2026-10-24T22:30:00Z'), somatic)).toBe('2026-10-25'); // 00:30 CEST
    expect(liabilityStart(at('2026-10-25T01:30:00Z'), rule)).toBe('2026-10-27');
  });
});

describe('SIP deadline', () => {
  it('3 calendar days after the day of ready-for-discharge, in Stockholm days', () => {
    expect(sipDeadline(at('2026-11-23T09:00:00Z'))).toBe('2026-11-26');
    expect(sipDeadline(at('2026-10-24T22:30:00Z'))).toBe('2026-10-28'); // 00:30 on the 25th
  });
});

describe('the running cost', () => {
  const ready = at('2026-11-23T09:00:00Z'); // pays from Wednesday 25 November
  const clock = (now: string, extra: { dischargedAt?: string; sipNeeded?: boolean } = {}) =>
    dischargeClock(
      {
        readyAt: ready,
        dischargedAt: extra.dischargedAt ? at(extra.dischargedAt) : null,
        cancelledAt: null,
        sipNeeded: extra.sipNeeded ?? false,
        now: at(now),
      },
      somatic,
    );

  it('the day before liability: 1 day left, nothing charged', () => {
    expect(clock('2026-11-24T12:00:00Z')).toMatchObject({
      liabilityStart: '2026-11-25',
      daysToLiability: 1,
      liableDays: 0,
      costSek: 0,
      sipDeadline: null,
    });
  });

  it('still in hospital on Friday: Wed, Thu, Fri charged, 3 × 9,300 SEK', () => {
    expect(clock('2026-11-27T12:00:00Z', { sipNeeded: true })).toMatchObject({
      daysToLiability: -2,
      liableDays: 3,
      costSek: 27_900,
      sipDeadline: '2026-11-26',
    });
  });

  it('discharged on Friday: Wed and Thu charged, the clock stops', () => {
    expect(clock('2026-12-10T12:00:00Z', { dischargedAt: '2026-11-27T10:00:00Z' })).toMatchObject({
      daysToLiability: null,
      liableDays: 2,
      costSek: 18_600,
    });
  });

  it('the 25-hour day of the autumn change is one day charged, and 00:30 CET is the next day', () => {
    const c = dischargeClock(
      {
        readyAt: at('2026-10-23T08:00:00Z'), // Friday 10:00 CEST: free Fri, Sat, pays from Sun 25
        dischargedAt: null,
        cancelledAt: null,
        sipNeeded: false,
        now: at('2026-10-25T23:30:00Z'), // 00:30 CET on Monday 26
      },
      somatic,
    );
    expect(c).toMatchObject({ liabilityStart: '2026-10-25', liableDays: 2, costSek: 18_600 });
  });

  it('no ready-for-discharge yet: no clock', () => {
    const c = dischargeClock(
      { readyAt: null, dischargedAt: null, cancelledAt: null, sipNeeded: true, now: ready },
      somatic,
    );
    expect(c).toMatchObject({ liabilityStart: null, daysToLiability: null, costSek: 0 });
  });
});
