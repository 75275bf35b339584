import { t } from '../i18n/i18n.ts';
import { PERIOD_DAYS, type PeriodDays } from './period.ts';

/** The last 14, 28 or 90 days: a radio group (arrow keys move between them). */
export function PeriodPicker(props: { value: PeriodDays; onChange: (days: PeriodDays) => void }) {
  return (
    <fieldset class="period-picker">
      <legend>{t('board.period')}</legend>
      {PERIOD_DAYS.map((days) => (
        <label key={days}>
          <input
            type="radio"
            name="board-period"
            value={days}
            checked={props.value === days}
            onChange={() => props.onChange(days)}
          />
          <span class="sr-only">{t('board.periodDays', { days })}</span>
          <span aria-hidden="true">{t('board.periodShort', { days })}</span>
        </label>
      ))}
    </fieldset>
  );
}
