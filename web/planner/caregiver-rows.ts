/** The proposal per caregiver: who, how many visits, from the first start to the last end. */
export interface ProposedAssignment {
  visitId: string;
  staff: { staffId: string; plannedStart: string }[];
}

export interface CaregiverRow {
  staffId: string;
  name: string;
  visits: number;
  /** The first planned start (ISO). */
  first: string;
  /** The last visit's planned end (ISO): its start plus its duration when known. */
  last: string;
}

export function caregiverRows(
  assignments: readonly ProposedAssignment[],
  names: ReadonlyMap<string, string>,
  durationMinutes: ReadonlyMap<string, number>,
): CaregiverRow[] {
  const rows = new Map<string, { visits: number; first: number; last: number }>();
  for (const a of assignments) {
    const minutes = durationMinutes.get(a.visitId) ?? 0;
    for (const s of a.staff) {
      const start = Date.parse(s.plannedStart);
      const end = start + minutes * 60_000;
      const row = rows.get(s.staffId);
      if (!row) rows.set(s.staffId, { visits: 1, first: start, last: end });
      else {
        row.visits += 1;
        row.first = Math.min(row.first, start);
        row.last = Math.max(row.last, end);
      }
    }
  }
  return [...rows]
    .map(([staffId, r]) => ({
      staffId,
      name: names.get(staffId) ?? staffId.slice(0, 8),
      visits: r.visits,
      first: new Date(r.first).toISOString(),
      last: new Date(r.last).toISOString(),
    }))
    .sort((a, b) => a.first.localeCompare(b.first) || a.name.localeCompare(b.name, 'sv'));
}
