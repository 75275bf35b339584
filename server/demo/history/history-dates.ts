import { addDays } from '../../../db/seed/local-time.ts';

/** The `days` calendar days before `today`, oldest first (Stockholm dates, YYYY-MM-DD). */
export function historyDates(today: string, days: number): string[] {
  if (!Number.isSafeInteger(days) || days < 0)
    throw new Error(`history days must be a whole number ≥ 0, got ${days}`);
  return Array.from({ length: days }, (_, i) => addDays(today, i - days));
}
