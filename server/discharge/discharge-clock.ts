import { DateTime } from 'luxon';
import { ZONE } from '../domain/stockholm-time.ts';
import type { LiabilityRule } from './liability-settings.ts';
import { isWorkingDay } from './swedish-holidays.ts';

/**
 * The discharge clock, as pure functions of instants and a rule: days are Stockholm calendar
 * days (ISO dates), so a clock-change night (23 or 25 hours) is one day like any other.
 */

/** Stockholm's calendar day of an instant. */
export const localDate = (at: Date): string =>
  DateTime.fromJSDate(at, { zone: ZONE }).toISODate() ?? '';

const addDays = (isoDate: string, days: number): string =>
  DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days }).toISODate() ?? '';

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number =>
  Math.round(
    DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days')
      .days,
  );

/** Day 0: the day of the ready-for-discharge notice, or the next when it came at or after the cut-off. */
export function dayZero(readyAt: Date, rule: Pick<LiabilityRule, 'cutoffHour'>): string {
  const local = DateTime.fromJSDate(readyAt, { zone: ZONE });
  const day = local.toISODate() ?? '';
  return local.hour >= rule.cutoffHour ? addDays(day, 1) : day;
}

/**
 * The first day the municipality pays for: the day after the last free day. The free days
 * start at day 0 when it counts, else the day after; with working days, weekends and
 * public holidays are passed over while counting.
 */
export function liabilityStart(readyAt: Date, rule: LiabilityRule): string {
  let day = dayZero(readyAt, rule);
  if (!rule.dayZeroCounts) day = addDays(day, 1);
  for (let free = 0; free < rule.liabilityDays; day = addDays(day, 1)) {
    if (!rule.countsWorkingDays || isWorkingDay(day)) free++;
  }
  return day;
}

/** The joint plan (SIP) deadline: 3 calendar days after the day ready-for-discharge was sent. */
export const SIP_DAYS = 3;
export const sipDeadline = (readyAt: Date): string => addDays(localDate(readyAt), SIP_DAYS);

export interface ClockInput {
  readyAt: Date | null;
  /** The patient left hospital: no day from then on is charged. */
  dischargedAt: Date | null;
  /** The case was cancelled: no day from then on is charged. */
  cancelledAt: Date | null;
  sipNeeded: boolean;
  now: Date;
}

export interface Clock {
  dayZero: string | null;
  sipDeadline: string | null;
  liabilityStart: string | null;
  /** Days from today to the liability's first day: 1 = it starts tomorrow; ≤ 0 = it has. */
  daysToLiability: number | null;
  /** Days charged so far: from the first liable day to today, or to the day before discharge. */
  liableDays: number;
  costSek: number;
  dailyAmountSek: number;
}

/**
 * The clock of a case now. A day is charged while the patient is in hospital on it: every
 * liable day up to and including today, or up to the day before discharge (the discharge day
 * itself is the municipality's goal, not charged: an assumption, docs/discharge.md).
 */
export function dischargeClock(input: ClockInput, rule: LiabilityRule): Clock {
  const base = { dailyAmountSek: rule.dailyAmountSek, liableDays: 0, costSek: 0 };
  if (!input.readyAt)
    return {
      ...base,
      dayZero: null,
      sipDeadline: null,
      liabilityStart: null,
      daysToLiability: null,
    };
  const start = liabilityStart(input.readyAt, rule);
  const today = localDate(input.now);
  const stop = input.dischargedAt ?? input.cancelledAt;
  const endExclusive = stop ? localDate(stop) : addDays(today, 1);
  const liableDays = Math.max(0, daysBetween(start, endExclusive));
  return {
    ...base,
    dayZero: dayZero(input.readyAt, rule),
    sipDeadline: input.sipNeeded ? sipDeadline(input.readyAt) : null,
    liabilityStart: start,
    daysToLiability: stop ? null : daysBetween(today, start),
    liableDays,
    costSek: liableDays * rule.dailyAmountSek,
  };
}
