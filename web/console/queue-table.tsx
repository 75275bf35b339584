import { useComputed } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n.ts';
import { formatClock, formatDuration, formatWindow } from '../time/format.ts';
import { now } from '../time/now.ts';
import { type QueueRow, queueRows } from './queue-order.ts';
import type { ConsoleStore } from './store.ts';

/** Rows shown at once; the rest are counted (the full list comes with virtualisation). */
const SHOWN = 150;

/** The live queue: a table, updated as events arrive. */
export function QueueTable({
  store,
  names,
  onSuggest,
  actions,
}: {
  store: ConsoleStore;
  names: ReadonlyMap<string, string>;
  /** Opens the suggestions of an unassigned visit (web/console/urgent/). */
  onSuggest?: (visitId: string) => void;
  /** Commands beside the title (the urgent visit's button). */
  actions?: ComponentChildren;
}) {
  const rows = useComputed(() => queueRows(store.visits.value.values(), store.lateRisks.value));
  const all = rows.value;
  const shown = all.slice(0, SHOWN);
  const count = (f: (r: QueueRow) => boolean) => all.filter(f).length;
  return (
    <section class="panel queue" aria-labelledby="queue-title">
      <div class="panel-head">
        <h2 id="queue-title">{t('queue.title')}</h2>
        {actions}
      </div>
      <p class="summary">
        {t('queue.summary', {
          unassigned: count((r) => r.visit.status === 'unassigned'),
          urgent: count((r) => r.visit.priority !== 'planned'),
          late: count((r) => r.lateRisk !== null),
        })}
      </p>
      {all.length === 0 ? (
        <p>{t('queue.empty')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} aria-labelledby="queue-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('queue.priority')}</th>
                <th scope="col">{t('queue.status')}</th>
                <th scope="col">{t('queue.task')}</th>
                <th scope="col">{t('queue.window')}</th>
                <th scope="col">{t('queue.left')}</th>
                <th scope="col">{t('queue.staff')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <QueueLine key={row.visit.id} row={row} names={names} onSuggest={onSuggest} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {all.length > SHOWN && (
        <p class="summary">{t('queue.more', { shown: SHOWN, total: all.length })}</p>
      )}
    </section>
  );
}

function QueueLine({
  row,
  names,
  onSuggest,
}: {
  row: QueueRow;
  names: ReadonlyMap<string, string>;
  onSuggest?: (visitId: string) => void;
}) {
  const { visit, lateRisk } = row;
  const left = Date.parse(visit.windowEnd) - now.value;
  const suggest = visit.status === 'unassigned' && onSuggest ? () => onSuggest(visit.id) : null;
  const tasks = visit.taskTypes.map((task) => t(`task.${task}`)).join(', ');
  return (
    <tr
      class={[row.needsAction && 'needs-action', suggest && 'clickable'].filter(Boolean).join(' ')}
      data-visit={visit.id}
      onClick={suggest ?? undefined}
    >
      <td>
        <span class={`prio prio-${visit.priority}`}>{t(`priority.${visit.priority}`)}</span>
      </td>
      <td>
        <span class={`status status-${visit.status}`}>{t(`status.${visit.status}`)}</span>
        {lateRisk && (
          <span class="late-risk">
            <span aria-hidden="true">⚠ </span>
            {t('queue.lateRisk')}
            <span class="late-by">
              {t('queue.lateBy', { duration: formatDuration(lateRisk.lateBySeconds * 1000) })}
            </span>
          </span>
        )}
      </td>
      <td>
        {visit.taskTypes.map((task) => t(`task.${task}`)).join(', ')}
        {visit.staffCount > 1 && <span class="tag"> · {t('queue.twoStaff')}</span>}
      </td>
      <td class="num">{formatWindow(visit.windowStart, visit.windowEnd)}</td>
      <td class="num">
        {left >= 0
          ? formatDuration(left)
          : t('queue.passed', { time: formatClock(visit.windowEnd) })}
      </td>
      <td>
        {visit.assignees.map((a) => names.get(a.staffId) ?? '–').join(', ') || '–'}
        {suggest && (
          <button
            type="button"
            class="row-action"
            aria-label={t('queue.suggestFor', { task: tasks })}
            onClick={(e) => {
              e.stopPropagation();
              suggest();
            }}
          >
            {t('queue.suggest')}
          </button>
        )}
      </td>
    </tr>
  );
}
