/**
 * The alert over the list: cases reaching payment liability tomorrow (the day to act) or
 * already costing. A status region (read out when it changes, without taking the reader's
 * focus), in words with a sign, never colour alone; it follows the list, which the live feed
 * and Stockholm's midnight refresh.
 */
import { t } from '../i18n/i18n.ts';
import { type DischargeCase, urgencyOf } from './case-urgency.ts';

export function LiabilityBanner({ cases }: { cases: readonly DischargeCase[] }) {
  const costing = cases.filter((c) => urgencyOf(c) === 'costing').length;
  const tomorrow = cases.filter((c) => urgencyOf(c) === 'tomorrow').length;
  const due = costing + tomorrow > 0;
  return (
    <div role="status" class="discharge-banner-region">
      {due && (
        <p class="discharge-banner">
          <span aria-hidden="true">⚠ </span>
          {t('discharge.alert', { costing, tomorrow })}
        </p>
      )}
    </div>
  );
}
