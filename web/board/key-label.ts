/** A chart's key as people say it: a day "mån 2 mars", a week "v. 12". */
import { t } from '../i18n/i18n.ts';
import { formatDayName } from '../time/format.ts';

export function keyLabel(key: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) return t('board.week', { week: Number(week[2]), year: week[1]! });
  // Noon UTC is the same date in Stockholm whatever the season.
  return formatDayName(`${key}T12:00:00Z`);
}
