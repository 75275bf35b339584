/**
 * The small link in a view's header to the discharge cases, with the number of cases to act
 * on today (liability tomorrow or already costing) in its text, so the alert is seen from any
 * view; a status region beside it says the same in full to a screen reader when it changes.
 * Live: the summary follows the discharge events and Stockholm's midnight.
 */
import { t } from '../i18n/i18n.ts';
import { listHref } from './discharge-route.ts';
import { useDischargeSummary } from './use-discharge-summary.ts';
import './discharge.css';

export function DischargeLink() {
  const summary = useDischargeSummary().value;
  const count = summary ? summary.costing + summary.liableTomorrow : 0;
  return (
    <>
      <a
        class={count > 0 ? 'discharge-link discharge-link-alert' : 'discharge-link'}
        href={listHref}
      >
        {count > 0 ? (
          <>
            <span aria-hidden="true">⚠ </span>
            {t('discharge.linkCount', { count })}
          </>
        ) : (
          t('discharge.link')
        )}
      </a>
      <span role="status" class="sr-only">
        {summary &&
          (count > 0
            ? t('discharge.headerStatus', {
                tomorrow: summary.liableTomorrow,
                costing: summary.costing,
              })
            : '')}
      </span>
    </>
  );
}
