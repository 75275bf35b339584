import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { CostChart } from './cost-chart.tsx';
import { formatCost, progressPercent } from './cost-chart-model.ts';
import type { DayChoice } from './planner-types.ts';
import type { PlanningJobState } from './use-planning-job.ts';

const BUDGETS = [10, 30, 60] as const;
/** A screen reader hears the figures this often while planning, not on every update. */
const ANNOUNCE_MS = 5000;

/** Step 2: a time budget, start, the progress bar and the best cost over time; cancel. */
export function PlanPanel({ day, state }: { day: DayChoice; state: PlanningJobState }) {
  const budget = useSignal<number>(10);
  const job = state.job.value;
  const active = job?.status === 'queued' || job?.status === 'running';
  const p = job?.progress ?? null;
  const budgetMs = (job?.budgetSeconds ?? budget.value) * 1000;
  const elapsed = Math.round((p?.elapsedMs ?? 0) / 1000);
  return (
    <section class="planner-card" aria-labelledby="planner-plan">
      <h2 id="planner-plan">{t('planner.planHeading')}</h2>
      <fieldset class="budget">
        <legend>{t('planner.budget')}</legend>
        {BUDGETS.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="planner-budget"
              value={s}
              checked={budget.value === s}
              onChange={() => (budget.value = s)}
            />
            {t('planner.budgetSeconds', { seconds: s })}
          </label>
        ))}
      </fieldset>
      <div class="planner-actions">
        <button
          type="button"
          class="primary"
          disabled={active || state.busy.value}
          onClick={() => void state.start(day, budget.value)}
        >
          {t('planner.start')}
        </button>
        {active && (
          <button type="button" class="danger" onClick={() => void state.cancel()}>
            {t('planner.cancel')}
          </button>
        )}
      </div>
      {state.alreadyRunning.value && <p role="status">{t('planner.alreadyRunning')}</p>}
      {state.error.value && (
        <p role="alert" class="planner-error">
          {t('planner.error', { message: state.error.value })}
        </p>
      )}
      {job && (
        <div class="planner-progress">
          <p>
            <strong>{t('planner.jobStatus', { status: t(`planner.status.${job.status}`) })}</strong>
          </p>
          <label for="planner-progress-bar">{t('planner.progressLabel')}</label>
          <progress
            id="planner-progress-bar"
            max={100}
            value={job.status === 'done' ? 100 : progressPercent(p?.elapsedMs ?? 0, budgetMs)}
          />
          <p class="planner-figures">
            <span>{t('planner.elapsed', { elapsed, budget: budgetMs / 1000 })}</span>
            {p && (
              <span>{t('planner.placed', { placed: p.visitsPlaced, total: p.visitsTotal })}</span>
            )}
            <span>
              {p?.bestCost != null
                ? t('planner.bestCost', { cost: formatCost(p.bestCost) })
                : t('planner.noCostYet')}
            </span>
          </p>
          <CostChart series={state.series.value} budgetMs={budgetMs} />
          {job.status === 'failed' && (
            <p role="alert" class="planner-error">
              {t('planner.failed', { error: job.error ?? '' })}
            </p>
          )}
        </div>
      )}
      <Announcer state={state} />
    </section>
  );
}

/** The latest figures for screen readers: every few seconds while planning, and at the end. */
function Announcer({ state }: { state: PlanningJobState }) {
  const text = useSignal('');
  const last = useRef(0);
  const job = state.job.value;
  useEffect(() => {
    if (!job) return;
    const p = job.progress;
    const ended = job.status !== 'queued' && job.status !== 'running';
    if (!ended && Date.now() - last.current < ANNOUNCE_MS) return;
    last.current = Date.now();
    const figures = p
      ? t('planner.announce', {
          elapsed: Math.round(p.elapsedMs / 1000),
          placed: p.visitsPlaced,
          total: p.visitsTotal,
          cost: formatCost(p.bestCost),
        })
      : '';
    text.value = `${t(`planner.status.${job.status}`)}. ${figures}`;
  }, [job]);
  return (
    <p class="sr-only" aria-live="polite">
      {text.value}
    </p>
  );
}
