import type { carePlans } from '../../../db/schema/index.ts';
import { combineVisits, mergeGroup } from './combine-visits.ts';
import { type ExistingVisit, cancelledByGeneration, editable } from './diff-day.ts';
import { type PlannedVisit, planApplies, plannedVisit } from './plan-occurrence.ts';

type CarePlanRow = typeof carePlans.$inferSelect;

/**
 * The visits the care plans make on the day, one per plan or (combining on) one per group of
 * a patient's combinable plans (combineVisits). A visit somebody holds (assigned, started,
 * done, pinned, cancelled in the field) keeps its plans as they are: its group is neither
 * split nor grown, and its plans join no other group, so no task is planned twice; it stands
 * for its lead plan as before, and the diff keeps it, reporting what it would change. This
 * holds with combining off too: turning it off splits only visits nobody holds.
 */
export function plannedDay(
  plans: readonly CarePlanRow[],
  existing: readonly ExistingVisit[],
  municipality: string,
  date: string,
  combine: boolean,
): PlannedVisit[] {
  const applying = plans.filter((p) => planApplies(p, date));
  const single = new Map(applying.map((p) => [p.id, plannedVisit(p, municipality, date)]));
  const out: PlannedVisit[] = [];
  const taken = new Set<string>();
  const held = existing.filter((v) => !editable(v) && !cancelledByGeneration(v)).sort(byAge);
  for (const v of held) {
    const ids = [v.carePlanId, ...v.alsoCarePlanIds];
    if (ids.some((id) => taken.has(id))) continue;
    for (const id of ids) taken.add(id);
    const lead = single.get(v.carePlanId);
    // The lead no longer applies: the diff keeps the visit and reports it would remove it.
    if (!lead) continue;
    const others = v.alsoCarePlanIds.map((id) => single.get(id)).filter((p) => p !== undefined);
    out.push(mergeGroup([lead, ...others]));
  }
  const free = [...single.values()].filter((p) => !taken.has(p.carePlanId));
  if (!combine) return [...out, ...free];
  const combinable = new Set(applying.filter((p) => p.combinable).map((p) => p.id));
  return [...out, ...combineVisits(free, combinable)];
}

const byAge = (a: ExistingVisit, b: ExistingVisit) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
