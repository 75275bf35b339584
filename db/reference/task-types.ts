import type { Profession } from './professions.ts';

/**
 * What a visit does. `profession` is who does it by training; `delegable` tasks may also
 * go to an assistant nurse who holds a valid delegation from a registered nurse
 * (SOSFS 1997:14). An RN may do any nursing task (profession 'rn' or 'an').
 */
export const TASK_TYPES = {
  insulin_pen: { profession: 'rn', delegable: true },
  wound_dressing: { profession: 'rn', delegable: true },
  catheter_rinse: { profession: 'rn', delegable: true },
  stoma_care: { profession: 'rn', delegable: true },
  dose_dispensing: { profession: 'rn', delegable: true },
  tube_feeding: { profession: 'rn', delegable: true },
  injection: { profession: 'rn', delegable: false },
  palliative_care: { profession: 'rn', delegable: false },
  catheter_change: { profession: 'rn', delegable: false },
  sampling: { profession: 'rn', delegable: false },
  nursing_assessment: { profession: 'rn', delegable: false },
  personal_care: { profession: 'an', delegable: false },
  lift_assist: { profession: 'an', delegable: false },
  supervision: { profession: 'an', delegable: false },
  aids_assessment: { profession: 'ot', delegable: false },
  home_adaptation: { profession: 'ot', delegable: false },
  rehab_training: { profession: 'pt', delegable: false },
  mobility_assessment: { profession: 'pt', delegable: false },
  nutrition_assessment: { profession: 'dietitian', delegable: false },
} as const satisfies Record<string, { profession: Profession; delegable: boolean }>;

export type TaskType = keyof typeof TASK_TYPES;
export const TASK_TYPE_NAMES = Object.keys(TASK_TYPES) as [TaskType, ...TaskType[]];
export const DELEGABLE_TASKS = TASK_TYPE_NAMES.filter((t) => TASK_TYPES[t].delegable);

export const VISIT_PRIORITIES = ['urgent1', 'urgent2', 'planned'] as const;
export type VisitPriority = (typeof VISIT_PRIORITIES)[number];

export const VISIT_SOURCES = ['plan', 'urgent_call', 'single', 'discharge'] as const;
export type VisitSource = (typeof VISIT_SOURCES)[number];

export const VISIT_STATUSES = [
  'unassigned',
  'assigned',
  'en_route',
  'in_progress',
  'done',
  'cancelled',
  'no_access',
] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
