/**
 * Coordinated discharge from hospital (Lag 2017:612): the region's message kinds, the needs a
 * notice may name, and the care types whose payment liability differs.
 */
export const DISCHARGE_MESSAGE_KINDS = [
  'admission',
  'update',
  'ready_for_discharge',
  'planned_discharge',
  'discharged',
  'cancelled',
] as const;
export type DischargeMessageKind = (typeof DISCHARGE_MESSAGE_KINDS)[number];

export const DISCHARGE_STATUSES = ['admitted', 'ready', 'discharged', 'cancelled'] as const;
export type DischargeStatus = (typeof DISCHARGE_STATUSES)[number];

export const DISCHARGE_CARE_TYPES = ['somatic', 'psychiatric'] as const;
export type DischargeCareType = (typeof DISCHARGE_CARE_TYPES)[number];

/** What home health care the patient will need at home, as the hospital states it. */
export const DISCHARGE_NEEDS = [
  'nursing_assessment',
  'medication',
  'wound_care',
  'catheter',
  'help_at_home',
  'two_person_transfer',
  'palliative',
  'rehabilitation',
  'nutrition',
] as const;
export type DischargeNeed = (typeof DISCHARGE_NEEDS)[number];
