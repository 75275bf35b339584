import type { VisitPriority } from '../../db/reference/task-types.ts';

/**
 * Response targets of urgent visits, registration to the caregiver's arrival (the visit
 * started), in minutes. From /work/shared/design/DOMAIN.md ("Time windows"): an assumption of
 * the domain notes, priority 1 within 1 hour and priority 2 within 4 hours (Stockholm's alarm
 * response is "usually within 30 minutes"). A municipality's agreed targets would replace these.
 */
export const RESPONSE_TARGET_MINUTES: Record<Exclude<VisitPriority, 'planned'>, number> = {
  urgent1: 60,
  urgent2: 240,
};
