import { t } from '../../i18n/i18n.ts';
import { formatClock, formatWindow } from '../../time/format.ts';
import type { VisitState } from './assign.ts';
import type { TargetVisit } from './suggestions.ts';

/**
 * A 409: someone changed the visit first. Says so plainly, shows the visit as it is now,
 * and offers the same action again on that version, or fresh suggestions.
 */
export function ConflictNotice({
  current,
  message,
  tried,
  nameOf,
  onRedo,
  onReload,
}: {
  current: VisitState | null;
  message: string;
  tried: string[];
  nameOf: (id: string) => string;
  onRedo: (version: number) => void;
  onReload: (visit: TargetVisit) => void;
}) {
  return (
    <>
      <p class="conflict-title">
        <span aria-hidden="true">⚠ </span>
        {t('conflict.title')}
      </p>
      {!current ? (
        <p>{message}</p>
      ) : (
        <>
          <dl class="conflict-now">
            <dt>{t('queue.status')}</dt>
            <dd>{t(`status.${current.status}`)}</dd>
            <dt>{t('queue.staff')}</dt>
            <dd>
              {current.assignees.length === 0
                ? '–'
                : current.assignees
                    .map((a) =>
                      t('conflict.assignee', {
                        name: nameOf(a.staffId),
                        time: formatClock(a.plannedStart),
                      }),
                    )
                    .join(', ')}
            </dd>
            <dt>{t('queue.window')}</dt>
            <dd>{formatWindow(current.windowStart, current.windowEnd)}</dd>
            <dt>{t('conflict.version')}</dt>
            <dd>{current.version}</dd>
          </dl>
          <div class="actions">
            <button type="button" class="primary" onClick={() => onRedo(current.version)}>
              {t('conflict.redo', { names: tried.join(' + ') })}
            </button>
            {current.status === 'unassigned' && (
              <button type="button" onClick={() => onReload(current)}>
                {t('conflict.reload')}
              </button>
            )}
          </div>
        </>
      )}
    </>
  );
}
