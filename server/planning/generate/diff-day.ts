import type { visits } from '../../../db/schema/index.ts';
import type { PlannedVisit } from './plan-occurrence.ts';

type VisitRow = typeof visits.$inferSelect;

/** A visit made from a care plan that is already in the day, with its caregivers counted. */
export type ExistingVisit = VisitRow & { carePlanId: string; assigneeCount: number };

/** The fields a care plan decides; a change to any of them updates an unassigned visit. */
export const PLAN_FIELDS = [
  'alsoCarePlanIds',
  'windowStart',
  'windowEnd',
  'windowHard',
  'durationMinutes',
  'taskTypes',
  'requiredProfession',
  'staffCount',
  'priority',
  'source',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** Why a free visit is cancelled: its plan ended, a second visit of one plan, or its plan's
 * tasks now done in another plan's combined visit. */
export type RemoveWhy = 'plan_no_longer_applies' | 'duplicate' | 'combined';

/** Why a visit the plans would change or remove was left as it is. */
export type KeptReason = 'assigned' | 'en_route' | 'in_progress' | 'done' | 'no_access' | 'pinned';

export type DayChange =
  | { kind: 'add'; planned: PlannedVisit }
  /** A visit an earlier generation cancelled, back because its plan applies again. */
  | { kind: 'restore'; visit: ExistingVisit; planned: PlannedVisit }
  | { kind: 'update'; visit: ExistingVisit; planned: PlannedVisit; fields: PlanField[] }
  | { kind: 'remove'; visit: ExistingVisit; why: RemoveWhy }
  | {
      kind: 'keep';
      visit: ExistingVisit;
      reason: KeptReason;
      /** What the plans would have done to it. */
      would: 'update' | 'remove';
      fields: PlanField[];
    };

export interface DayDiff {
  changes: DayChange[];
  /** Visits that already are what their plan makes. */
  unchanged: number;
}

/**
 * Cancelled with no caregiver: only the generator cancels an unassigned visit (the field
 * cancels assigned or en-route ones, and keeps their caregivers), so such a visit was
 * removed by an earlier generation and may come back.
 */
export const cancelledByGeneration = (v: ExistingVisit): boolean =>
  v.status === 'cancelled' && v.assigneeCount === 0;

/** Whether the generator may change the visit: nobody has it, nobody locked it. */
export const editable = (v: ExistingVisit): boolean => v.status === 'unassigned' && !v.pinned;

function keptReason(v: ExistingVisit): KeptReason {
  return v.status === 'unassigned' || v.status === 'cancelled' ? 'pinned' : v.status;
}

/** The plan fields whose value differs between the visit and what its plan makes. */
export function changedFields(v: ExistingVisit, p: PlannedVisit): PlanField[] {
  return PLAN_FIELDS.filter((f) => !sameValue(v[f], p[f]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = [...a].sort();
    const y = [...b].sort();
    return x.length === y.length && x.every((e, i) => e === y[i]);
  }
  return a === b;
}

/**
 * What generating changes: the day's visits as the care plans make them (`planned`, one per
 * plan) against the plan-made visits already in the day (`existing`, matched by care plan:
 * one visit per plan and day). Adds what is missing, updates or removes what nobody has
 * taken, and keeps (reporting what it would have done) every visit that is assigned,
 * started, done, cancelled in the field or pinned. Pure: the same input, the same changes.
 */
export function diffDay(planned: PlannedVisit[], existing: ExistingVisit[]): DayDiff {
  const byPlan = new Map<string, ExistingVisit[]>();
  for (const v of [...existing].sort(byAge)) {
    const list = byPlan.get(v.carePlanId);
    if (list) list.push(v);
    else byPlan.set(v.carePlanId, [v]);
  }
  const changes: DayChange[] = [];
  let unchanged = 0;
  const wanted = new Set<string>();
  const absorbed = new Set(planned.flatMap((p) => p.alsoCarePlanIds));
  for (const p of planned) {
    wanted.add(p.carePlanId);
    const all = byPlan.get(p.carePlanId) ?? [];
    const live = all.filter((v) => !cancelledByGeneration(v));
    if (live.length === 0) {
      const back = all[0];
      changes.push(
        back ? { kind: 'restore', visit: back, planned: p } : { kind: 'add', planned: p },
      );
      continue;
    }
    // The visit that stands for the plan: one somebody holds, else the oldest.
    const primary = live.find((v) => !editable(v)) ?? live[0];
    for (const extra of live) {
      if (extra === primary) continue;
      if (editable(extra)) changes.push({ kind: 'remove', visit: extra, why: 'duplicate' });
      else unchanged++;
    }
    const fields = changedFields(primary, p);
    // Cancelled in the field: final, whatever the plan says now.
    if (fields.length === 0 || primary.status === 'cancelled') unchanged++;
    else if (editable(primary))
      changes.push({ kind: 'update', visit: primary, planned: p, fields });
    else
      changes.push({
        kind: 'keep',
        visit: primary,
        reason: keptReason(primary),
        would: 'update',
        fields,
      });
  }
  for (const [planId, list] of byPlan) {
    if (wanted.has(planId)) continue;
    for (const v of list) {
      if (cancelledByGeneration(v)) continue;
      if (v.status === 'cancelled') unchanged++;
      else if (editable(v))
        changes.push({
          kind: 'remove',
          visit: v,
          why: absorbed.has(planId) ? 'combined' : 'plan_no_longer_applies',
        });
      else
        changes.push({
          kind: 'keep',
          visit: v,
          reason: keptReason(v),
          would: 'remove',
          fields: [],
        });
    }
  }
  return { changes, unchanged };
}

const byAge = (a: ExistingVisit, b: ExistingVisit) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
