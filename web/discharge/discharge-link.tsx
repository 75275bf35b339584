/**
 * The small link in a view's header to the discharge cases, with the number of cases to act
 * on today (liability tomorrow or already costing) so the alert is seen from any view.
 */
import { t } from '../i18n/i18n.ts';
import { listHref } from './discharge-route.ts';
import { useDischargeSummary } from './use-discharge-summary.ts';
import './discharge.css';

export function DischargeLink() {
  const summary = useDischargeSummary().value;
  const count = summary ? summary.costing + summary.liableTomorrow : 0;
  return (
    <a class={count > 0 ? 'discharge-link discharge-link-alert' : 'discharge-link'} href={listHref}>
      {count > 0 ? t('discharge.linkCount', { count }) : t('discharge.link')}
    </a>
  );
}
