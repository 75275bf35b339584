export interface BreakWindow {
  earliest: number;
  latest: number;
  duration: number;
}

/** How far a break may move from its ideal place, each way. */
const BREAK_SLACK_SECONDS = 45 * 60;

/**
 * Breaks for one shift, in seconds on the shift's own clock. Arbetstidslagen allows at most
 * `maxWork` of work without a break; the solver counts travel, waiting and service as work
 * from departure to arrival. With n breaks placed evenly, each stretch of a full-length route
 * is (length − n·duration)/(n + 1), so n is the smallest count making that ≤ maxWork: a
 * 10.5 h night gets one 30-min break at exactly 5 h, an 8 h day one near the middle.
 * Breaks whose window closes before `from` (a live plan starting mid-shift) are dropped;
 * the stretch after such a break's ideal place is still ≤ maxWork, so the rest stays feasible.
 */
export function shiftBreaks(
  start: number,
  end: number,
  duration: number,
  maxWork: number,
  from = start,
): BreakWindow[] {
  const length = end - start;
  if (maxWork <= 0 || duration <= 0 || length <= maxWork) return [];
  const n = Math.ceil((length - maxWork) / (maxWork + duration));
  const stretch = (length - n * duration) / (n + 1);
  const out: BreakWindow[] = [];
  for (let i = 1; i <= n; i++) {
    const ideal = Math.round(start + i * stretch + (i - 1) * duration);
    const latest = Math.min(end - duration, ideal + BREAK_SLACK_SECONDS);
    const earliest = Math.max(start, from, ideal - BREAK_SLACK_SECONDS);
    if (latest < earliest) continue;
    out.push({ earliest, latest, duration });
  }
  return out;
}

/** What of a shift decides its breaks. */
export interface BreakRules {
  startsAt: Date;
  endsAt: Date;
  breakMinutes: number;
  maxWorkWithoutBreakMinutes: number;
}

/**
 * A live shift's breaks as buildProblem gives them to the solver: in whole seconds from
 * `origin` (ms since the epoch), the shift cut at `origin`, those closing before `from` (ms)
 * dropped. The suggestions' estimate uses the same, so it places breaks where the solver does.
 */
export function liveShiftBreaks(shift: BreakRules, origin: number, from: number): BreakWindow[] {
  return shiftBreaks(
    secondsFrom(origin, shift.startsAt.getTime()),
    secondsFrom(origin, shift.endsAt.getTime()),
    shift.breakMinutes * 60,
    shift.maxWorkWithoutBreakMinutes * 60,
    secondsFrom(origin, from),
  );
}

/**
 * Whole seconds from `origin` to `ms`, none before it. A module function, not a closure per
 * call: this runs for every caregiver of every suggestion, and tsx names each closure it
 * makes (an Object.defineProperty), which cost 3 % of the ranking.
 */
function secondsFrom(origin: number, ms: number): number {
  return Math.max(0, Math.round((ms - origin) / 1000));
}
