/**
 * The sick call's pure parts: which instant a typed clock time means, how many visits the
 * server will release (counted as server/sick-calls/report-sick.ts selects them, so the
 * confirmation names the same number), a repair row's state as the live feed has it, and a
 * patient's area from the address.
 */
import { TIME_ZONE } from '../../time/format.ts';
import type { ConsoleVisit } from '../types.ts';

/**
 * The server releases assigned and en-route visits planned to start within 24 h of `at` —
 * and, when `at` lies ahead of now, only those planned at or after it.
 */
const RELEASE_AHEAD_MS = 24 * 3600_000;
const RELEASED = new Set<ConsoleVisit['status']>(['assigned', 'en_route']);

export function releasedCount(
  visits: Iterable<ConsoleVisit>,
  staffId: string,
  atMs: number,
  nowMs: number,
): number {
  const fromMs = atMs > nowMs ? atMs : -Infinity;
  let n = 0;
  for (const v of visits) {
    if (!RELEASED.has(v.status)) continue;
    const mine = v.assignees.find((a) => a.staffId === staffId);
    if (!mine) continue;
    const start = Date.parse(mine.plannedStart);
    if (start >= fromMs && start < atMs + RELEASE_AHEAD_MS) n++;
  }
  return n;
}

const parts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-23" and "13:05" of an instant, on Stockholm's wall clock. */
function wallClock(ms: number): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(ms).map((x) => [x.type, x.value]));
  return { date: `${p['year']}-${p['month']}-${p['day']}`, time: `${p['hour']}:${p['minute']}` };
}

/** The instant(s) Stockholm shows as `date` `time` (none in the spring gap, two in autumn). */
function instantsOf(date: string, time: string): number[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  return [120, 60]
    .map((offsetMin) => naive - offsetMin * 60_000)
    .filter((ms) => {
      const w = wallClock(ms);
      return w.date === date && w.time === time;
    });
}

/**
 * "HH:MM" typed by a dispatcher: the occurrence nearest now (a caregiver who stopped an hour
 * ago, or stops at 01:00 tonight). `local` is what the server gets (wall clock, no offset:
 * it refuses a time the clock-change night makes ambiguous, beside the field).
 */
export function resolveClockTime(
  hhmm: string,
  nowMs: number,
): { local: string; ms: number } | null {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)) return null;
  let best: { local: string; ms: number } | null = null;
  for (const dayMs of [-86_400_000, 0, 86_400_000]) {
    const { date } = wallClock(nowMs + dayMs);
    for (const ms of instantsOf(date, hhmm)) {
      if (!best || Math.abs(ms - nowMs) < Math.abs(best.ms - nowMs))
        best = { local: `${date}T${hhmm}`, ms };
    }
  }
  return best;
}

export type RowState = 'open' | 'accepted' | 'changed';

/**
 * A proposed assignment as the live feed now has its visit: accepted when it carries the
 * proposed caregivers at a later version, changed when anything else moved it on (the
 * server would answer 409), open while it is as the proposal saw it.
 */
export function rowState(
  proposed: { expectedVersion: number; staffIds: readonly string[] },
  visit: ConsoleVisit | undefined,
): RowState {
  if (!visit || visit.version <= proposed.expectedVersion) return 'open';
  const now = visit.assignees.map((a) => a.staffId).sort();
  const want = [...proposed.staffIds].sort();
  const same = now.length === want.length && now.every((id, i) => id === want[i]);
  return same && visit.status !== 'unassigned' && visit.status !== 'cancelled'
    ? 'accepted'
    : 'changed';
}

/**
 * Where the patient lives, coarsely enough to scan: the street without number, flat or
 * municipality ("Storgatan 12B, lgh 1102, Stockholm" → "Storgatan"); a care home's kind
 * stays ("HVB-hem, Storgatan").
 */
export function patientArea(address: string): string {
  const segments = address
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const street = segments.findIndex((s) => /\d/.test(s) && !/^lgh\b/i.test(s));
  if (street < 0) return segments[0] ?? '';
  const name = segments[street]!.replace(/\s+\d+\s*[A-Za-z]?$/, '');
  return [...segments.slice(0, street), name].join(', ');
}
