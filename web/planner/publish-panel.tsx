import { useSignal } from '@preact/signals';
import { api } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { type ApiError, type DayVisit, type PlanningJob, errorText } from './planner-types.ts';
import { visitWords } from './result-panel.tsx';
import { type StaleDetail, staleLines } from './stale-changes.ts';

/** Step 4: publish the done job's plan, after a confirmation; a stale plan's 409 said plainly. */
export function PublishPanel(props: {
  job: PlanningJob;
  visits: ReadonlyMap<string, DayVisit>;
  onPublished: (job: PlanningJob) => void;
  onPlanAgain: () => void;
}) {
  const confirming = useSignal(false);
  const busy = useSignal(false);
  const assigned = useSignal<number | null>(null);
  const stale = useSignal<StaleDetail[] | null>(null);
  const error = useSignal('');
  const publish = async () => {
    busy.value = true;
    confirming.value = false;
    error.value = '';
    const {
      data,
      error: err,
      response,
    } = await api.POST('/api/planning/jobs/{id}/publish', {
      params: { path: { id: props.job.id } },
    });
    busy.value = false;
    if (data) {
      assigned.value = data.assigned;
      props.onPublished(data.job);
    } else if (response.status === 409) stale.value = (err as ApiError).error?.details ?? [];
    else error.value = errorText(err);
  };
  const published = props.job.publishedAt !== null;
  return (
    <section class="planner-card" aria-labelledby="planner-publish">
      <h2 id="planner-publish">{t('planner.publishHeading')}</h2>
      {!published && !confirming.value && (
        <button
          type="button"
          class="primary"
          disabled={busy.value}
          onClick={() => (confirming.value = true)}
        >
          {t('planner.publish')}
        </button>
      )}
      {confirming.value && (
        <div role="group" aria-labelledby="planner-confirm" class="planner-confirm">
          <p id="planner-confirm">{t('planner.publishConfirm')}</p>
          <button type="button" class="primary" onClick={() => void publish()}>
            {t('planner.publishYes')}
          </button>
          {/* Focus on "no": a second Enter from the Publish button must not publish. */}
          <button type="button" onClick={() => (confirming.value = false)} autoFocus>
            {t('planner.publishNo')}
          </button>
        </div>
      )}
      <div role="status">
        {assigned.value !== null && (
          <p class="planner-ok">✓ {t('planner.published', { assigned: assigned.value })}</p>
        )}
      </div>
      {stale.value && (
        <div role="alert" class="planner-error">
          <p>{t('planner.stale')}</p>
          {stale.value.length > 0 && (
            <>
              <p>{t('planner.staleWhat')}</p>
              <ul>
                {staleLines(stale.value).map((line, i) => (
                  <li key={i}>
                    {line.kind === 'visit'
                      ? t('planner.staleVisit', {
                          what: visitWords(props.visits.get(line.id), line.id),
                        })
                      : line.kind === 'shift'
                        ? t('planner.staleShift')
                        : ''}{' '}
                    {line.change ? t(line.change) : line.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" onClick={props.onPlanAgain}>
            {t('planner.planAgain')}
          </button>
        </div>
      )}
      {error.value && (
        <p role="alert" class="planner-error">
          {t('planner.error', { message: error.value })}
        </p>
      )}
    </section>
  );
}
