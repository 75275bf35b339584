import type { MessageKey } from '../i18n/i18n.ts';

/** The solver's reasons a visit stayed unplaced, as the job result names them. */
export const UNPLACED_REASONS = [
  'no_qualified_caregiver',
  'excluded_all',
  'time_window',
  'capacity',
  'sync_partner',
  'not_worth_it',
  'no_staff_on_shift',
] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

/** The dictionary key of a reason in words; an unknown code (a newer server) gets a general one. */
export function reasonKey(reason: string): MessageKey {
  return (UNPLACED_REASONS as readonly string[]).includes(reason)
    ? (`planner.reason.${reason as UnplacedReason}` as const)
    : 'planner.reason.other';
}
