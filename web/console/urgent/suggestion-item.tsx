import { t } from '../../i18n/i18n.ts';
import { formatClock, formatDate, formatDuration } from '../../time/format.ts';
import type { Suggestion } from './suggestions.ts';

const minutes = (seconds: number) => formatDuration(seconds * 1000);

/**
 * One ranked caregiver, read at a glance: when they are there and what it costs first, then
 * what speaks for them, then what it does to their shift. Warnings carry a sign and a word.
 */
export function SuggestionItem({ s, rank }: { s: Suggestion; rank: number }) {
  return (
    <div class="sugg-body">
      <p class="sugg-head">
        <span class="sugg-rank" aria-hidden="true">
          {rank}
        </span>
        <span class="sugg-name">{s.name}</span>
        <span class="sugg-eta">{t('sugg.eta', { time: formatClock(s.eta) })}</span>
        <span>{t('sugg.travel', { duration: minutes(s.addedTravelSeconds) })}</span>
      </p>
      <ul class="sugg-reasons">
        {s.knowsPatient && (
          <li class="good">
            <span aria-hidden="true">✓ </span>
            {t('sugg.knows')}
          </li>
        )}
        <li>
          {s.competence.kind === 'delegation'
            ? t('sugg.delegation', { date: formatDate(s.competence.validTo) })
            : t('sugg.profession')}
        </li>
        {s.ownLatenessSeconds > 0 && (
          <li class="warn">
            <span aria-hidden="true">⚠ </span>
            {t('sugg.ownLate', { duration: minutes(s.ownLatenessSeconds) })}
          </li>
        )}
        <li class={s.latenessCausedSeconds > 0 ? 'warn' : undefined}>
          {s.latenessCausedSeconds > 0 && <span aria-hidden="true">⚠ </span>}
          {s.latenessCausedSeconds > 0
            ? t('sugg.othersLate', { duration: minutes(s.latenessCausedSeconds) })
            : t('sugg.othersOnTime')}
        </li>
        <li class={s.overtimeSeconds > 0 ? 'warn' : undefined}>
          {s.overtimeSeconds > 0 && <span aria-hidden="true">⚠ </span>}
          {t('sugg.shiftEnd', {
            time: formatClock(s.shiftEndsAt),
            left: minutes(s.secondsLeftInShift),
          })}
          {s.overtimeSeconds > 0 &&
            ` · ${t('sugg.overtime', { duration: minutes(s.overtimeSeconds) })}`}
        </li>
        {!s.fromLivePosition && <li class="muted">{t('sugg.fromPlan')}</li>}
      </ul>
    </div>
  );
}
