import type { Profession } from '../../db/reference/professions.ts';
import { TASK_TYPES, type TaskType } from '../../db/reference/task-types.ts';

/** The delegation fields the competence rules read. */
export interface DelegationRow {
  staffId: string;
  taskType: TaskType;
  /** A delegation for one named patient covers only that patient. */
  patientId: string | null;
  validFrom: Date;
  validTo: Date;
  revokedAt: Date | null;
}

/**
 * What a visit needs. A visit of RN tasks that are all delegable (or plain AN tasks) may go
 * to an RN, or to an AN who holds a delegation for every delegable task in it; then
 * `profession` is 'an' (an RN also holds 'an') and `delegated` lists those tasks.
 */
export interface VisitNeeds {
  profession: Profession;
  delegated: TaskType[];
}

export function visitNeeds(requiredProfession: Profession, tasks: readonly TaskType[]): VisitNeeds {
  if (requiredProfession === 'rn') {
    const delegable = tasks.filter((t) => TASK_TYPES[t].delegable);
    const rest = tasks.filter((t) => !TASK_TYPES[t].delegable);
    if (delegable.length > 0 && rest.every((t) => TASK_TYPES[t].profession === 'an')) {
      return { profession: 'an', delegated: [...new Set(delegable)] };
    }
  }
  return { profession: requiredProfession, delegated: [] };
}

/** An RN may do any nursing task, so an RN holds the 'an' profession as well. */
export function holdsProfession(profession: Profession, needed: Profession): boolean {
  return profession === needed || (profession === 'rn' && needed === 'an');
}

/** The period a delegation is usable: [validFrom, min(validTo, revokedAt)], or null. */
export function delegationPeriod(d: DelegationRow): { from: Date; to: Date } | null {
  const end = d.revokedAt && d.revokedAt < d.validTo ? d.revokedAt : d.validTo;
  return end > d.validFrom ? { from: d.validFrom, to: end } : null;
}

/** Whether a delegation is for this task and (when it names one) this patient. */
export function delegationApplies(d: DelegationRow, task: TaskType, patientId: string): boolean {
  return d.taskType === task && (d.patientId === null || d.patientId === patientId);
}

export type Competence =
  { kind: 'profession' } | { kind: 'delegation'; validTo: Date } | { kind: 'none'; reason: string };

/**
 * Whether a caregiver may make a visit over [from, to]: by profession, or (an AN) by a
 * delegation of every delegable task valid over the whole visit. A delegation that ends
 * at 02:00 does not cover a visit at 03:00.
 */
export function competenceFor(
  staff: { id: string; profession: Profession },
  visit: { patientId: string; requiredProfession: Profession; taskTypes: readonly TaskType[] },
  delegations: readonly DelegationRow[],
  from: Date,
  to: Date,
): Competence {
  const needs = visitNeeds(visit.requiredProfession, visit.taskTypes);
  if (!holdsProfession(staff.profession, needs.profession)) {
    return { kind: 'none', reason: `needs profession ${visit.requiredProfession}` };
  }
  if (needs.delegated.length === 0 || staff.profession === 'rn') return { kind: 'profession' };
  let validTo: Date | null = null;
  for (const task of needs.delegated) {
    let best: Date | null = null;
    for (const d of delegations) {
      if (d.staffId !== staff.id || !delegationApplies(d, task, visit.patientId)) continue;
      const p = delegationPeriod(d);
      if (p && p.from <= from && to <= p.to && (!best || p.to > best)) best = p.to;
    }
    if (!best) return { kind: 'none', reason: `no valid delegation for ${task} over the visit` };
    if (!validTo || best < validTo) validTo = best;
  }
  return { kind: 'delegation', validTo: validTo as Date };
}
