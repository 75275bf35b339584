import { useComputed } from '@preact/signals';
import { t } from '../i18n/i18n.ts';
import { formatDuration, formatWindow } from '../time/format.ts';
import { now } from '../time/now.ts';
import type { ConsoleStore } from './store.ts';

/** Who is on shift now (from the snapshot's shifts), by name. */
export function StaffList({ store }: { store: ConsoleStore }) {
  const onShift = useComputed(() =>
    store.shifts.value
      .filter((s) => Date.parse(s.startsAt) <= now.value && now.value < Date.parse(s.endsAt))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  );
  const list = onShift.value;
  const sick = store.sick.value;
  return (
    <section class="panel staff" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staff.title')}</h2>
      <p class="summary">{t('staff.summary', { count: list.length })}</p>
      {list.length === 0 ? (
        <p>{t('staff.empty')}</p>
      ) : (
        <ul class="staff-list">
          {list.map((s) => (
            <li key={s.shiftId}>
              <span class="staff-name">{s.name}</span>
              {sick.has(s.staffId) && <span class="tag warn"> · {t('staff.sick')}</span>}
              <span class="staff-meta">
                {t(`profession.${s.profession}`)} · {t(`shift.${s.kind}`)}{' '}
                {formatWindow(s.startsAt, s.endsAt)} · {t('staff.left')}{' '}
                {formatDuration(Date.parse(s.endsAt) - now.value)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
