import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { DischargeNeed } from '../../db/reference/discharge.ts';
import type { TaskType } from '../../db/reference/task-types.ts';
import { dischargeCases } from '../../db/schema/index.ts';
import { ZONE } from '../domain/stockholm-time.ts';
import { localDate } from './discharge-clock.ts';
import { FIRST_VISIT_TEMPLATES } from './first-visit-templates.ts';
import type { AfterFold } from './receive-message.ts';

/** A first visit proposed for the discharge day (stored with the case until confirmed). */
export interface ProposedVisit {
  need: DischargeNeed;
  taskTypes: TaskType[];
  durationMinutes: number;
  staffCount: 1 | 2;
  windowStart: string;
  windowEnd: string;
}

/** When no time is planned yet, the patient is assumed home at noon on the discharge day. */
const DEFAULT_ARRIVAL_HOUR = 12;

type CaseRow = typeof dischargeCases.$inferSelect;

/**
 * The first visits for a case: one per need from its template, with an RN's assessment
 * first whenever there is any need, on the discharge day (the planned discharge time, else
 * the expected date, else the day after ready-for-discharge), windows counted from arrival.
 */
export function proposeFirstVisits(
  c: Pick<CaseRow, 'needs' | 'readyAt' | 'plannedDischargeAt' | 'expectedDischargeDate'>,
): ProposedVisit[] {
  if (!c.readyAt || !c.needs.length) return [];
  const needs: DischargeNeed[] = [
    'nursing_assessment',
    ...c.needs.filter((n) => n !== 'nursing_assessment'),
  ];
  const arrival = c.plannedDischargeAt
    ? DateTime.fromJSDate(c.plannedDischargeAt, { zone: ZONE })
    : DateTime.fromISO(
        c.expectedDischargeDate ??
          (DateTime.fromISO(localDate(c.readyAt)).plus({ days: 1 }).toISODate() as string),
        { zone: ZONE },
      ).set({ hour: DEFAULT_ARRIVAL_HOUR });
  return needs.map((need) => {
    const t = FIRST_VISIT_TEMPLATES[need];
    const start = arrival.plus({ minutes: t.opensAfter });
    return {
      need,
      taskTypes: t.taskTypes,
      durationMinutes: t.durationMinutes,
      staffCount: t.staffCount,
      windowStart: start.toUTC().toISO() as string,
      windowEnd: start.plus({ minutes: t.windowLength }).toUTC().toISO() as string,
    };
  });
}

/**
 * The intake's hook: once ready-for-discharge has arrived, and until a scheduler confirms,
 * the proposal follows the case (a later planned time moves it).
 */
export const proposeOnReady: AfterFold = async (cmd, row) => {
  if (row.visitsConfirmedAt || row.status === 'cancelled') return;
  const proposed = proposeFirstVisits(row);
  // Most messages leave it as it was (nothing before ready, an update of the ward): no write.
  if (isDeepStrictEqual(proposed, row.proposedVisits)) return;
  await cmd.tx
    .update(dischargeCases)
    .set({ proposedVisits: proposed })
    .where(eq(dischargeCases.id, row.id));
};
