/**
 * The proposed first visits of the discharge day: change a window's times or a duration,
 * remove a visit, then confirm; the server creates them (source discharge) and says plainly
 * why when it refuses (4xx, or 409 when they were confirmed already).
 */
import { useSignal } from '@preact/signals';
import type { Schemas } from '../api/client.ts';
import { api } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { taskName } from '../board/task-name.ts';
import { formatDayClock } from '../time/format.ts';
import { type VisitDraft, confirmBody, draftOf } from './visit-draft.ts';

type Detail = Schemas['DischargeCaseDetail'];

export function FirstVisits({
  c,
  canConfirm,
  onConfirmed,
}: {
  c: Detail;
  canConfirm: boolean;
  onConfirmed: () => void;
}) {
  const drafts = useSignal<VisitDraft[]>(c.proposedVisits.map(draftOf));
  const busy = useSignal(false);
  const message = useSignal('');
  const refused = useSignal('');
  const edit = (i: number, patch: Partial<VisitDraft>) =>
    (drafts.value = drafts.value.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const confirm = async () => {
    refused.value = '';
    message.value = '';
    if (drafts.value.every((d) => d.removed)) {
      refused.value = t('discharge.v.noneLeft');
      return;
    }
    busy.value = true;
    const { data, error, response } = await api.POST('/api/discharge/cases/{id}/visits/confirm', {
      params: { path: { id: c.id } },
      body: confirmBody(drafts.value, c.proposedVisits),
    });
    busy.value = false;
    if (data) {
      message.value = t('discharge.v.confirmed', { count: data.visitIds.length });
      onConfirmed();
    } else {
      const e = (
        error as { error?: { message?: string; details?: { field?: string; message?: string }[] } }
      )?.error;
      const fields = (e?.details ?? []).map((d) => [d.field, d.message].filter(Boolean).join(': '));
      refused.value = t('discharge.v.refused', {
        status: response.status,
        message: [e?.message ?? response.statusText, ...fields].join(' · '),
      });
    }
  };

  const header = <h3 id="discharge-visits-h">{t('discharge.visits')}</h3>;
  if (c.visitsConfirmedAt)
    return (
      <section aria-labelledby="discharge-visits-h">
        {header}
        {message.value && <p role="status">{message.value}</p>}
        <p>{t('discharge.visitsConfirmed', { time: formatDayClock(c.visitsConfirmedAt) })}</p>
      </section>
    );
  if (c.proposedVisits.length === 0)
    return (
      <section aria-labelledby="discharge-visits-h">
        {header}
        <p>{t('discharge.visitsNone')}</p>
      </section>
    );
  const removed = drafts.value.filter((d) => d.removed).length;
  return (
    <section aria-labelledby="discharge-visits-h">
      {header}
      <div class="table-scroll">
        <table class="discharge-table discharge-visits">
          <thead>
            <tr>
              <th scope="col">{t('discharge.v.need')}</th>
              <th scope="col">{t('discharge.v.tasks')}</th>
              <th scope="col">{t('discharge.v.from')}</th>
              <th scope="col">{t('discharge.v.to')}</th>
              <th scope="col">{t('discharge.v.duration')}</th>
              <th scope="col">{t('discharge.v.staff')}</th>
              <th scope="col">
                <span class="sr-only">{t('discharge.v.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.value.map((d, i) => {
              const need = t(`discharge.need.${d.need}`);
              if (d.removed) return null;
              return (
                <tr key={`${d.need}-${i}`}>
                  <th scope="row">
                    {d.day} · {need}
                  </th>
                  <td>{d.taskTypes.map(taskName).join(', ')}</td>
                  <td>
                    <input
                      type="text"
                      inputMode="numeric"
                      pattern="[0-2][0-9]:[0-5][0-9]"
                      maxLength={5}
                      class="discharge-clock-input"
                      aria-label={t('discharge.v.fromLabel', { need })}
                      value={d.from}
                      disabled={!canConfirm}
                      onInput={(e) => edit(i, { from: e.currentTarget.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      inputMode="numeric"
                      pattern="[0-2][0-9]:[0-5][0-9]"
                      maxLength={5}
                      class="discharge-clock-input"
                      aria-label={t('discharge.v.toLabel', { need })}
                      value={d.to}
                      disabled={!canConfirm}
                      onInput={(e) => edit(i, { to: e.currentTarget.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={5}
                      max={480}
                      step={5}
                      class="discharge-minutes"
                      aria-label={t('discharge.v.durationLabel', { need })}
                      value={d.durationMinutes}
                      disabled={!canConfirm}
                      onInput={(e) => edit(i, { durationMinutes: Number(e.currentTarget.value) })}
                    />
                  </td>
                  <td>{t('discharge.v.staffCount', { count: d.staffCount })}</td>
                  <td>
                    {canConfirm && (
                      <button
                        type="button"
                        aria-label={t('discharge.v.removeLabel', { need })}
                        onClick={() => edit(i, { removed: true })}
                      >
                        {t('discharge.v.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canConfirm ? (
        <div class="discharge-actions">
          <button type="button" class="primary" disabled={busy.value} onClick={confirm}>
            {busy.value ? t('discharge.v.confirming') : t('discharge.v.confirm')}
          </button>
          {removed > 0 && (
            <>
              <span>{t('discharge.v.removed', { count: removed })}</span>
              <button type="button" onClick={() => (drafts.value = c.proposedVisits.map(draftOf))}>
                {t('discharge.v.reset')}
              </button>
            </>
          )}
        </div>
      ) : (
        <p>{t('discharge.v.readOnly')}</p>
      )}
      {refused.value && (
        <p role="alert" class="error">
          {refused.value}
        </p>
      )}
      {message.value && <p role="status">{message.value}</p>}
    </section>
  );
}
