/**
 * The manager's board's discharge figures, from the open cases: how many, how many costing
 * money now and liable tomorrow, their cost so far, and the nearest liability; a link to the
 * list. (Lead time ready→discharge needs closed cases, which the list does not carry.)
 */
import { t } from '../i18n/i18n.ts';
import { formatSek, urgencyOf } from './case-urgency.ts';
import { listHref } from './discharge-route.ts';
import { useDischargeCases } from './use-discharge-cases.ts';
import './discharge.css';

export function BoardDischarge({ municipality }: { municipality: string }) {
  const { cases } = useDischargeCases(municipality || undefined);
  const all = cases.value;
  if (!all) return null;
  const costing = all.filter((c) => urgencyOf(c) === 'costing');
  const tomorrow = all.filter((c) => urgencyOf(c) === 'tomorrow').length;
  const cost = all.reduce((sum, c) => sum + c.clock.costSek, 0);
  const days = all
    .map((c) => c.clock.daysToLiability)
    .filter((d): d is number => d !== null && d > 0);
  const nearest = days.length ? Math.min(...days) : null;
  return (
    <section class="board-discharge" aria-labelledby="board-discharge-h">
      <h2 id="board-discharge-h">
        <a href={listHref} class="discharge-link">
          {t('discharge.board')}
        </a>
      </h2>
      <dl class="discharge-board-figures">
        <div>
          <dt>{t('discharge.board.open')}</dt>
          <dd>{all.length}</dd>
        </div>
        <div>
          <dt>{t('discharge.board.costing')}</dt>
          <dd>{costing.length}</dd>
        </div>
        <div>
          <dt>{t('discharge.board.tomorrow')}</dt>
          <dd>{tomorrow}</dd>
        </div>
        <div>
          <dt>{t('discharge.board.month')}</dt>
          <dd>{formatSek(cost)}</dd>
        </div>
        <div>
          <dt>{t('discharge.board.nearest')}</dt>
          <dd>{nearest === null ? '–' : t('discharge.status.daysLeft', { days: nearest })}</dd>
        </div>
      </dl>
    </section>
  );
}
