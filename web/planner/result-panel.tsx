import { t } from '../i18n/i18n.ts';
import { formatDuration, formatWindow } from '../time/format.ts';
import { caregiverRows } from './caregiver-rows.ts';
import { formatCost } from './cost-chart-model.ts';
import { planWarnings } from './plan-warnings.ts';
import type { DayVisit, PlanningJob } from './planner-types.ts';
import { reasonKey } from './unplaced-reason.ts';

/** Step 3: the done job's proposal: its summary, the unplaced visits with why, per caregiver. */
export function ResultPanel(props: {
  job: PlanningJob;
  visits: ReadonlyMap<string, DayVisit>;
  staffNames: ReadonlyMap<string, string>;
}) {
  const result = props.job.result;
  if (!result) return null;
  const s = result.summary;
  const durations = new Map([...props.visits].map(([id, v]) => [id, v.durationMinutes]));
  const rows = caregiverRows(result.assignments, props.staffNames, durations);
  const warnings = planWarnings(result);
  return (
    <section class="planner-card planner-result" aria-labelledby="planner-result">
      <h2 id="planner-result">{t('planner.resultHeading')}</h2>
      {warnings.length > 0 && (
        <div class="planner-warning" role="alert">
          <h3>
            <span aria-hidden="true">⚠ </span>
            {t('planner.warnHeading')}
          </h3>
          {warnings.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </div>
      )}
      <dl class="planner-summary">
        <div>
          <dt>{t('planner.summaryPlaced')}</dt>
          <dd>
            {s.placed} / {s.visits}
          </dd>
        </div>
        <div>
          <dt>{t('planner.summaryUnplaced')}</dt>
          <dd>{s.unplaced}</dd>
        </div>
        <div>
          <dt>{t('planner.summaryTravel')}</dt>
          <dd>{formatDuration(s.travelSeconds * 1000)}</dd>
        </div>
        <div>
          <dt>{t('planner.summaryCost')}</dt>
          <dd>{formatCost(s.cost)}</dd>
        </div>
        <div>
          <dt>{t('planner.summaryShifts')}</dt>
          <dd>{s.shifts}</dd>
        </div>
      </dl>
      <h3>{t('planner.unplacedHeading')}</h3>
      {result.unplaced.length === 0 ? (
        <p>{t('planner.noUnplaced')}</p>
      ) : (
        <table class="planner-table">
          <caption class="sr-only">{t('planner.unplacedHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planner.colVisit')}</th>
              <th scope="col">{t('planner.colReason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.unplaced.map((u) => (
              <tr key={u.visitId}>
                <td>{visitWords(props.visits.get(u.visitId), u.visitId)}</td>
                <td class="reason">
                  <span aria-hidden="true">⚠ </span>
                  {t(reasonKey(u.reason))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('planner.perCaregiverHeading')}</h3>
      <table class="planner-table">
        <caption class="sr-only">{t('planner.perCaregiverHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planner.colCaregiver')}</th>
            <th scope="col">{t('planner.colVisits')}</th>
            <th scope="col">{t('planner.colFirstLast')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.staffId}>
              <th scope="row">{r.name}</th>
              <td>{r.visits}</td>
              <td>{formatWindow(r.first, r.last)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A visit as the scheduler recognises it: its window and its tasks. */
export function visitWords(v: DayVisit | undefined, id: string): string {
  if (!v) return id.slice(0, 8);
  return t('planner.visitWhat', {
    window: formatWindow(v.windowStart, v.windowEnd),
    tasks: v.taskTypes.map((task) => t(`task.${task}`)).join(', '),
  });
}
