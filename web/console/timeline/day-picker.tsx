import type { Signal } from '@preact/signals';
import { t } from '../../i18n/i18n.ts';
import { formatDayName } from '../../time/format.ts';
import { type DayOffset, dayAt } from './timeline-model.ts';

const DAYS: {
  offset: DayOffset;
  key: 'timeline.yesterday' | 'timeline.today' | 'timeline.tomorrow';
}[] = [
  { offset: -1, key: 'timeline.yesterday' },
  { offset: 0, key: 'timeline.today' },
  { offset: 1, key: 'timeline.tomorrow' },
];

/** Yesterday, today, tomorrow: the days the server's live window holds. The pressed one shows. */
export function DayPicker({ offset, at }: { offset: Signal<DayOffset>; at: number }) {
  return (
    <div class="day-picker" role="group" aria-label={t('timeline.dayPicker')}>
      {DAYS.map((d) => (
        <button
          key={d.offset}
          type="button"
          aria-pressed={offset.value === d.offset}
          onClick={() => (offset.value = d.offset)}
        >
          {t(d.key)} <span class="day-name">{formatDayName(dayAt(at, d.offset).from)}</span>
        </button>
      ))}
    </div>
  );
}
