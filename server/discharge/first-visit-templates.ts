import type { DischargeNeed } from '../../db/reference/discharge.ts';
import type { TaskType } from '../../db/reference/task-types.ts';

/**
 * The care-plan template of each need: the first visit it asks for on the discharge day, as
 * minutes after the patient is home (arrival) when it may start. An RN's assessment comes
 * with every discharge that names a need (the municipality's first look at the patient).
 */
export interface FirstVisitTemplate {
  taskTypes: TaskType[];
  durationMinutes: number;
  staffCount: 1 | 2;
  /** The window opens this long after arrival and lasts this long (minutes). */
  opensAfter: number;
  windowLength: number;
}

export const FIRST_VISIT_TEMPLATES: Record<DischargeNeed, FirstVisitTemplate> = {
  nursing_assessment: tpl(['nursing_assessment'], 45, 1, 60, 120),
  medication: tpl(['dose_dispensing'], 15, 1, 120, 120),
  wound_care: tpl(['wound_dressing'], 30, 1, 60, 180),
  catheter: tpl(['catheter_rinse'], 20, 1, 60, 180),
  help_at_home: tpl(['personal_care'], 30, 1, 30, 90),
  two_person_transfer: tpl(['lift_assist'], 30, 2, 30, 90),
  palliative: tpl(['palliative_care'], 45, 1, 60, 120),
  rehabilitation: tpl(['mobility_assessment'], 45, 1, 120, 180),
  nutrition: tpl(['nutrition_assessment'], 45, 1, 120, 180),
};

function tpl(
  taskTypes: TaskType[],
  durationMinutes: number,
  staffCount: 1 | 2,
  opensAfter: number,
  windowLength: number,
): FirstVisitTemplate {
  return { taskTypes, durationMinutes, staffCount, opensAfter, windowLength };
}
