import { useComputed } from '@preact/signals';
import { t } from '../i18n/i18n.ts';
import { formatClock, formatDuration, formatWindow } from '../time/format.ts';
import { now } from '../time/now.ts';
import { staffDays } from './staff-day.ts';
import type { ConsoleStore } from './store.ts';
import type { ConsoleVisit, ShiftRow } from './types.ts';

const tasks = (v: ConsoleVisit) => v.taskTypes.map((task) => t(`task.${task}`)).join(', ');

/** Who is on shift now (from the snapshot's shifts), by name, with their current and next visit. */
export function StaffList({
  store,
  onSick,
}: {
  store: ConsoleStore;
  /** Opens the sick call for a caregiver (web/console/sick/). */
  onSick?: (shift: ShiftRow) => void;
}) {
  const onShift = useComputed(() =>
    store.shifts.value
      .filter((s) => Date.parse(s.startsAt) <= now.value && now.value < Date.parse(s.endsAt))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  );
  const days = useComputed(() => staffDays(store.visits.value.values()));
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
              <StaffNow current={days.value.get(s.staffId)?.current ?? null} />
              <StaffNext next={days.value.get(s.staffId)?.next ?? null} />
              {onSick && !sick.has(s.staffId) && (
                <button type="button" class="staff-action" onClick={() => onSick(s)}>
                  {t('sick.button')}
                  <span class="sr-only"> {s.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StaffNow({ current }: { current: ConsoleVisit | null }) {
  if (!current) return null;
  return (
    <span class="staff-visit">
      {t('staff.now')}: {t(`status.${current.status}`)} – {tasks(current)}
    </span>
  );
}

function StaffNext({ next }: { next: { visit: ConsoleVisit; plannedStart: string } | null }) {
  return (
    <span class="staff-visit">
      {next
        ? `${t('staff.next')}: ${formatClock(next.plannedStart)} ${tasks(next.visit)}`
        : t('staff.noNext')}
    </span>
  );
}
