import { pgEnum } from 'drizzle-orm/pg-core';
import { CARE_SETTINGS, PROFESSIONS, SHIFT_KINDS, TRAVEL_MODES } from '../reference/professions.ts';
import {
  TASK_TYPE_NAMES,
  VISIT_PRIORITIES,
  VISIT_SOURCES,
  VISIT_STATUSES,
} from '../reference/task-types.ts';

export const professionEnum = pgEnum('profession', PROFESSIONS);
export const travelModeEnum = pgEnum('travel_mode', TRAVEL_MODES);
export const careSettingEnum = pgEnum('care_setting', CARE_SETTINGS);
export const shiftKindEnum = pgEnum('shift_kind', SHIFT_KINDS);
export const taskTypeEnum = pgEnum('task_type', TASK_TYPE_NAMES);
export const visitPriorityEnum = pgEnum('visit_priority', VISIT_PRIORITIES);
export const visitSourceEnum = pgEnum('visit_source', VISIT_SOURCES);
export const visitStatusEnum = pgEnum('visit_status', VISIT_STATUSES);
