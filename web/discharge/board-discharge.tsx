/**
 * The manager's board's discharge figures (/api/discharge/summary): open cases, those costing
 * money now and liable tomorrow, the nearest liability, this month's cost (with the cases
 * closed this month) and the open cases' cost so far, the lead time ready→discharge of the
 * last 90 days; a link to the list.
 */
import { t } from '../i18n/i18n.ts';
import { formatSek } from './case-urgency.ts';
import { listHref } from './discharge-route.ts';
import { useDischargeSummary } from './use-discharge-summary.ts';
import './discharge.css';

export function BoardDischarge({ municipality }: { municipality: string }) {
  const s = useDischargeSummary(municipality || undefined).value;
  if (!s) return null;
  const figures: [string, string | number][] = [
    [t('discharge.board.open'), s.open],
    [t('discharge.board.costing'), s.costing],
    [t('discharge.board.tomorrow'), s.liableTomorrow],
    [
      t('discharge.board.nearest'),
      s.nearestDaysToLiability === null
        ? '–'
        : s.nearestDaysToLiability === 1
          ? t('discharge.tomorrow')
          : t('discharge.status.daysLeft', { days: s.nearestDaysToLiability }),
    ],
    [t('discharge.board.monthCost'), formatSek(s.monthCostSek)],
    [t('discharge.board.month'), formatSek(s.costSek)],
    [
      t('discharge.board.leadTime', { cases: s.leadTime.cases }),
      s.leadTime.medianHours === null
        ? '–'
        : t('discharge.board.leadTimeValue', {
            median: s.leadTime.medianHours,
            p90: s.leadTime.p90Hours ?? '–',
          }),
    ],
  ];
  return (
    <section class="board-discharge" aria-labelledby="board-discharge-h">
      <h2 id="board-discharge-h">
        <a href={listHref} class="discharge-link">
          {t('discharge.board')}
        </a>
      </h2>
      <dl class="discharge-board-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
