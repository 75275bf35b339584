import type { Profession } from '../../../db/reference/professions.ts';
import type { VisitPriority } from '../../../db/reference/task-types.ts';
import { visitNeeds } from '../../domain/competence.ts';
import type { PlannedVisit } from './plan-occurrence.ts';

/** Longest visit the database allows (visits.visit_duration): a group never grows past it. */
export const MAX_COMBINED_MINUTES = 480;

const PRIORITY_RANK: Record<VisitPriority, number> = { urgent1: 0, urgent2: 1, planned: 2 };

/**
 * Combines a patient's planned visits of one day into fewer arrivals (issue 18, "Fewer
 * arrivals"): visits of combinable plans whose start windows overlap, with the same number of
 * caregivers, that one caregiver may make together, become one visit doing all their tasks.
 * - window: the intersection (start no earlier than the latest start, no later than the
 *   earliest end): a start inside it keeps every plan's window; hard if any plan's is;
 * - duration: the sum: the tasks are done one after another; the saving is the arrival and
 *   the travel, not minutes at the bedside (conservative; at most MAX_COMBINED_MINUTES);
 * - profession: 'rn' if any plan needs an RN, else the plans' one profession; competence
 *   (visitNeeds) then lets an AN take it when every RN task is delegable, with a delegation
 *   for each for this patient. Never lower than any one plan needs on its own, and never a
 *   mix no single caregiver holds (an OT's and an AN's tasks stay two visits);
 * - priority: the most urgent; source: 'single' only when every plan is a single visit.
 * The lead (carePlanId, the visit's identity from day to day) is the group's first plan by
 * window start, then plan id; the others are listed in alsoCarePlanIds, sorted. Greedy
 * first fit over the plans in that order: deterministic, so generating again finds the
 * same groups. Pure: the same input, the same visits.
 */
export function combineVisits(
  planned: readonly PlannedVisit[],
  combinable: ReadonlySet<string>,
): PlannedVisit[] {
  const out: PlannedVisit[] = [];
  const byPatient = new Map<string, PlannedVisit[]>();
  for (const p of planned) {
    if (!combinable.has(p.carePlanId)) {
      out.push(p);
      continue;
    }
    const list = byPatient.get(p.patientId);
    if (list) list.push(p);
    else byPatient.set(p.patientId, [p]);
  }
  for (const list of byPatient.values()) {
    const groups: PlannedVisit[][] = [];
    for (const p of [...list].sort(byStart)) {
      const group = groups.find((g) => fits(g, p));
      if (group) group.push(p);
      else groups.push([p]);
    }
    for (const g of groups) out.push(mergeGroup(g));
  }
  return out;
}

const byStart = (a: PlannedVisit, b: PlannedVisit) =>
  a.windowStart.getTime() - b.windowStart.getTime() || a.carePlanId.localeCompare(b.carePlanId);

function fits(group: PlannedVisit[], p: PlannedVisit): boolean {
  const merged = mergeGroup([...group, p]);
  if (merged.windowStart > merged.windowEnd) return false;
  if (merged.staffCount !== p.staffCount || group.some((g) => g.staffCount !== p.staffCount)) {
    return false;
  }
  if (merged.durationMinutes > MAX_COMBINED_MINUTES) return false;
  const professions = new Set([...group, p].map((g) => g.requiredProfession));
  if (professions.size > 1 && [...professions].some((x) => x !== 'rn' && x !== 'an')) return false;
  // Combining must not lower what any one plan needs (an RN-only plan stays with an RN).
  const needs = visitNeeds(merged.requiredProfession, merged.taskTypes).profession;
  return [...group, p].every(
    (g) => rank(needs) >= rank(visitNeeds(g.requiredProfession, g.taskTypes).profession),
  );
}

const rank = (p: Profession): number => (p === 'rn' ? 2 : p === 'an' ? 1 : 0);

/** The one visit a group makes (a group of one is its visit as it is). */
export function mergeGroup(group: readonly PlannedVisit[]): PlannedVisit {
  const [lead, ...rest] = group;
  if (rest.length === 0) return lead;
  const start = Math.max(...group.map((g) => g.windowStart.getTime()));
  const end = Math.min(...group.map((g) => g.windowEnd.getTime()));
  const professions = new Set(group.map((g) => g.requiredProfession));
  return {
    ...lead,
    alsoCarePlanIds: rest.map((g) => g.carePlanId).sort(),
    windowStart: new Date(start),
    windowEnd: new Date(end),
    windowHard: group.some((g) => g.windowHard),
    durationMinutes: group.reduce((sum, g) => sum + g.durationMinutes, 0),
    taskTypes: [...new Set(group.flatMap((g) => g.taskTypes))],
    requiredProfession: professions.has('rn') ? 'rn' : lead.requiredProfession,
    priority: group
      .map((g) => g.priority)
      .reduce((a, b) => (PRIORITY_RANK[b] < PRIORITY_RANK[a] ? b : a)),
    source: group.every((g) => g.source === 'single') ? 'single' : 'plan',
  };
}
