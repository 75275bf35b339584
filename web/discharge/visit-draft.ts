/**
 * The proposed first visits as the scheduler edits them: the window's clock times on the
 * discharge day, the duration, and removed or kept. Unchanged, the proposal is confirmed as
 * the server made it (no body); edited, the visits are sent with Stockholm local times, which
 * the server reads as Europe/Stockholm.
 */
import type { Schemas } from '../api/client.ts';
import { formatClock, formatDate } from '../time/format.ts';

type Proposed = Schemas['DischargeProposedVisit'];
type ConfirmBody = Schemas['DischargeConfirmVisits'];

export interface VisitDraft {
  need: Proposed['need'];
  taskTypes: Proposed['taskTypes'];
  staffCount: Proposed['staffCount'];
  day: string;
  from: string;
  to: string;
  durationMinutes: number;
  removed: boolean;
}

export const draftOf = (p: Proposed): VisitDraft => ({
  need: p.need,
  taskTypes: p.taskTypes,
  staffCount: p.staffCount,
  day: formatDate(p.windowStart),
  from: formatClock(p.windowStart),
  to: formatClock(p.windowEnd),
  durationMinutes: p.durationMinutes,
  removed: false,
});

const same = (a: VisitDraft, b: VisitDraft) =>
  a.from === b.from &&
  a.to === b.to &&
  a.durationMinutes === b.durationMinutes &&
  a.removed === b.removed;

/** The request body: none when nothing was changed, else the kept visits as edited. */
export function confirmBody(
  drafts: readonly VisitDraft[],
  proposed: readonly Proposed[],
): ConfirmBody {
  const original = proposed.map(draftOf);
  if (drafts.length === original.length && drafts.every((d, i) => same(d, original[i]!))) return {};
  return {
    visits: drafts
      .filter((d) => !d.removed)
      .map((d) => ({
        taskTypes: d.taskTypes,
        durationMinutes: d.durationMinutes,
        staffCount: d.staffCount,
        windowStart: `${d.day}T${d.from}`,
        windowEnd: `${d.day}T${d.to}`,
      })),
  };
}
