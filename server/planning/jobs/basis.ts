import { createHash } from 'node:crypto';
import type { ErrorDetail } from '../../http/errors.ts';
import type { DayRows } from '../load-day.ts';
import type { DayBasis } from './types.ts';

/** What a plan of these rows is made from: every visit's version, every shift's end. */
export function basisOf(day: DayRows): DayBasis {
  const visits: Record<string, number> = {};
  for (const [id, version] of [...day.versions, ...day.fixedVersions]) visits[id] = version;
  const shifts: Record<string, string> = {};
  for (const c of day.caregivers) shifts[c.id] = c.shift.endsAt.toISOString();
  return { visits: sorted(visits), shifts: sorted(shifts) };
}

/** A short hash of a basis: equal days, equal fingerprints. */
export function fingerprintOf(basis: DayBasis): string {
  const canonical = JSON.stringify({ visits: sorted(basis.visits), shifts: sorted(basis.shifts) });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** At most this many differences are named; a count says how many more. */
const MAX_NAMED = 50;

/** What changed in the day since `then`, one detail per visit or shift, for a 409. */
export function basisChanges(then: DayBasis, now: DayBasis): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const diff = <T>(kind: 'visits' | 'shifts', a: Record<string, T>, b: Record<string, T>) => {
    for (const [id, was] of Object.entries(a)) {
      if (!(id in b))
        out.push({
          field: `${kind}.${id}`,
          message: 'no longer in the day as planned',
          reason: 'gone',
        });
      else if (b[id] !== was)
        out.push({
          field: `${kind}.${id}`,
          message: `changed: ${String(was)} → ${String(b[id])}`,
          reason: 'changed',
        });
    }
    for (const id of Object.keys(b))
      if (!(id in a))
        out.push({ field: `${kind}.${id}`, message: 'new since the plan was made', reason: 'new' });
  };
  diff('visits', then.visits, now.visits);
  diff('shifts', then.shifts, now.shifts);
  if (out.length <= MAX_NAMED) return out;
  return [
    ...out.slice(0, MAX_NAMED),
    { message: `and ${out.length - MAX_NAMED} more changes`, reason: 'more' },
  ];
}

function sorted<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
