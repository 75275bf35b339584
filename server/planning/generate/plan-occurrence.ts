import type { carePlans, visits } from '../../../db/schema/index.ts';
import { planWindow } from './plan-window.ts';

type CarePlanRow = typeof carePlans.$inferSelect;
type VisitRow = typeof visits.$inferSelect;

/** What a care plan asks of one day: the visit's fields as the plan makes them. */
export type PlannedVisit = Pick<
  VisitRow,
  | 'municipalityCode'
  | 'patientId'
  | 'carePlanId'
  | 'alsoCarePlanIds'
  | 'windowStart'
  | 'windowEnd'
  | 'windowHard'
  | 'durationMinutes'
  | 'taskTypes'
  | 'requiredProfession'
  | 'staffCount'
  | 'priority'
  | 'source'
> & { carePlanId: string };

/*
 * Sources: 'plan' for a recurring plan, 'single' for a plan valid one day. visits.source also
 * has 'discharge' (a first visit after a hospital discharge), but a care plan has nothing that
 * marks one, so the generator never makes it: such a visit is registered as it comes
 * (POST /api/visits with source 'discharge') and, having no care plan, is never touched here.
 * Marking a plan as a discharge would take a column on care_plans (a migration).
 */

/** A care plan valid for exactly one day: a single visit (source 'single'). */
export const isSingleDay = (plan: Pick<CarePlanRow, 'validFrom' | 'validTo'>): boolean =>
  plan.validTo !== null && plan.validTo === plan.validFrom;

/**
 * Whether the plan makes a visit on `isoDate` (a Stockholm calendar day): within its
 * validity (both ends included) and on one of its ISO weekdays. A one-day plan is a single
 * visit on that day whatever its weekdays say: a scheduler booking a one-off should not also
 * have to tick the weekday.
 */
export function planApplies(
  plan: Pick<CarePlanRow, 'validFrom' | 'validTo' | 'daysOfWeek'>,
  isoDate: string,
): boolean {
  if (plan.validFrom > isoDate) return false;
  if (plan.validTo !== null && plan.validTo < isoDate) return false;
  if (isSingleDay(plan)) return true;
  return plan.daysOfWeek.includes(isoWeekday(isoDate));
}

/** ISO weekday (1 = Monday) of a calendar date; asked once per plan, so without luxon. */
export function isoWeekday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The visit the plan makes on `isoDate` (the caller checked planApplies). */
export function plannedVisit(
  plan: CarePlanRow,
  municipalityCode: string,
  isoDate: string,
): PlannedVisit {
  const window = planWindow(isoDate, plan.windowStart, plan.windowEnd);
  return {
    municipalityCode,
    patientId: plan.patientId,
    carePlanId: plan.id,
    alsoCarePlanIds: [],
    windowStart: window.start,
    windowEnd: window.end,
    windowHard: plan.windowHard,
    durationMinutes: plan.durationMinutes,
    taskTypes: [...plan.taskTypes],
    requiredProfession: plan.requiredProfession,
    staffCount: plan.staffCount,
    priority: plan.priority,
    source: isSingleDay(plan) ? 'single' : 'plan',
  };
}
