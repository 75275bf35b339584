import { useSignal } from '@preact/signals';
import { api } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { formatWindow } from '../time/format.ts';
import { LockIcon } from './lock-icon.tsx';
import { type DayVisit, errorText } from './planner-types.ts';

/** Statuses the planner can no longer change: locking them means nothing. */
const SETTLED = new Set(['done', 'cancelled', 'no_access']);

/** The day's visits, each with a lock toggle (pin: re-planning keeps its caregivers). */
export function DayVisits(props: {
  visits: readonly DayVisit[] | null;
  staffNames: ReadonlyMap<string, string>;
  onChanged: () => void;
}) {
  const error = useSignal('');
  const toggle = async (v: DayVisit) => {
    error.value = '';
    const path = v.pinned ? '/api/dispatch/visits/{id}/unpin' : '/api/dispatch/visits/{id}/pin';
    const { error: err } = await api.POST(path, {
      params: { path: { id: v.id } },
      body: { expectedVersion: v.version },
    });
    if (err) error.value = errorText(err);
    props.onChanged(); // the server's answer either way: the current visit
  };
  const visits = props.visits;
  return (
    <section class="planner-card" aria-labelledby="planner-visits">
      <h2 id="planner-visits">
        {t('planner.visitsHeading')}
        {visits && (
          <span class="muted"> · {t('planner.visitsCount', { count: visits.length })}</span>
        )}
      </h2>
      {error.value && (
        <p role="alert" class="planner-error">
          {t('planner.error', { message: error.value })}
        </p>
      )}
      {visits === null && <p>{t('planner.loading')}</p>}
      {visits?.length === 0 && <p>{t('planner.noVisits')}</p>}
      {visits && visits.length > 0 && (
        <table class="planner-table">
          <caption class="sr-only">{t('planner.visitsHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planner.colTime')}</th>
              <th scope="col">{t('planner.colTasks')}</th>
              <th scope="col">{t('planner.colStatus')}</th>
              <th scope="col">{t('planner.colStaff')}</th>
              <th scope="col">{t('planner.colLock')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => {
              const window = formatWindow(v.windowStart, v.windowEnd);
              return (
                <tr key={v.id}>
                  <td>{window}</td>
                  <td>{v.taskTypes.map((task) => t(`task.${task}`)).join(', ')}</td>
                  <td>{t(`status.${v.status}`)}</td>
                  <td>
                    {v.assignees.map((a) => props.staffNames.get(a.staffId) ?? '–').join(', ') ||
                      '–'}
                  </td>
                  <td class="lock-cell">
                    <span class={v.pinned ? 'lock on' : 'lock'}>
                      <LockIcon locked={v.pinned} />{' '}
                      {v.pinned ? t('planner.locked') : t('planner.unlocked')}
                    </span>
                    {!SETTLED.has(v.status) && (
                      <button
                        type="button"
                        aria-label={t('planner.lockName', {
                          action: v.pinned ? t('planner.unlock') : t('planner.lock'),
                          window,
                        })}
                        onClick={() => void toggle(v)}
                      >
                        {v.pinned ? t('planner.unlock') : t('planner.lock')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
