import { shiftBreaks } from '../solver-bridge/shift-breaks.ts';

/** A stop of a caregiver's day: travel before it, then the visit. Epoch ms. */
export interface DayStop {
  start: number;
  durationMs: number;
  travelMs: number;
}

export interface PlacedBreak {
  start: number;
  minutes: number;
}

export interface BreakShift {
  startsAt: number;
  endsAt: number;
  breakMinutes: number;
  maxWorkWithoutBreakMinutes: number;
}

/**
 * Where a shift's breaks fall, as the timeline draws them. The plan stores no breaks, so the
 * rule is the solver's (shiftBreaks: when a break is due and how far it may move), and each
 * break takes the first free stretch of its window long enough for it (no travel, no
 * visit); when none is free it stays at its ideal place, over what is planned then.
 */
export function placeBreaks(shift: BreakShift, stops: readonly DayStop[]): PlacedBreak[] {
  const ms = shift.breakMinutes * 60_000;
  const windows = shiftBreaks(
    0,
    Math.round((shift.endsAt - shift.startsAt) / 1000),
    shift.breakMinutes * 60,
    shift.maxWorkWithoutBreakMinutes * 60,
  );
  const busy = stops
    .map((s) => ({ from: s.start - s.travelMs, to: s.start + s.durationMs }))
    .sort((a, b) => a.from - b.from);
  const free = (at: number) => busy.every((b) => b.to <= at || b.from >= at + ms);
  return windows.map((w) => {
    const earliest = shift.startsAt + w.earliest * 1000;
    const latest = shift.startsAt + w.latest * 1000;
    const tries = [earliest, ...busy.map((b) => b.to)].filter((t) => t >= earliest && t <= latest);
    const at = tries.sort((a, b) => a - b).find(free) ?? Math.round((earliest + latest) / 2);
    return { start: at, minutes: shift.breakMinutes };
  });
}
