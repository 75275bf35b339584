import type { Profession, ShiftKind } from '../../../db/reference/professions.ts';
import type { shifts } from '../../../db/schema/index.ts';
import { SHIFT_TIMES } from '../../../db/seed/generate.ts';
import { addDays, isoWeekday, localToUtc } from '../../../db/seed/local-time.ts';
import { Rng } from '../../../db/seed/prng.ts';

/** Who works which shift kind, as the seed made them (read from their current shifts). */
export interface ShiftPattern {
  staffId: string;
  municipalityCode: string;
  profession: Profession;
  kind: ShiftKind;
}

/** A caregiver's day off sick or on leave: the rest of the team covers (or not). */
export const ABSENCE_SHARE = 0.04;

/**
 * The shifts of the past days, the same pattern as the seed's (therapists on weekdays),
 * with a few absences, skipping any shift already there (the seed's last night), and the
 * night before the first day (it works that day's small hours). Sorted
 * input, one stream per municipality: the same seed gives the same ids.
 */
export function historyShifts(
  patterns: readonly ShiftPattern[],
  dates: readonly string[],
  seed: number,
  existing: ReadonlySet<string>,
): (typeof shifts.$inferInsert)[] {
  const out: (typeof shifts.$inferInsert)[] = [];
  const streams = new Map<string, Rng>();
  const sorted = [...patterns].sort(
    (a, b) =>
      a.municipalityCode.localeCompare(b.municipalityCode) || a.staffId.localeCompare(b.staffId),
  );
  const nightBefore = dates.length > 0 ? [addDays(dates[0], -1)] : [];
  for (const date of [...nightBefore, ...dates]) {
    for (const p of sorted) {
      if (date === nightBefore[0] && p.kind !== 'night') continue;
      let rng = streams.get(p.municipalityCode);
      if (!rng)
        streams.set(
          p.municipalityCode,
          (rng = new Rng(`${seed}:${p.municipalityCode}:history-shifts`)),
        );
      const id = rng.uuid();
      const absent = rng.chance(ABSENCE_SHARE);
      if (p.profession !== 'rn' && p.profession !== 'an' && isoWeekday(date) > 5) continue;
      const t = SHIFT_TIMES[p.kind];
      const startsAt = localToUtc(date, t.start);
      if (absent || existing.has(shiftKey(p.staffId, startsAt))) continue;
      out.push({
        id,
        staffId: p.staffId,
        municipalityCode: p.municipalityCode,
        kind: p.kind,
        startsAt,
        endsAt: localToUtc(t.nextDay ? addDays(date, 1) : date, t.end),
      });
    }
  }
  return out;
}

export const shiftKey = (staffId: string, startsAt: Date) => `${staffId}@${startsAt.toISOString()}`;
