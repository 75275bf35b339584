/** The alert over the list: cases reaching payment liability tomorrow or already costing. */
import { t } from '../i18n/i18n.ts';
import { type DischargeCase, urgencyOf } from './case-urgency.ts';

export function LiabilityBanner({ cases }: { cases: readonly DischargeCase[] }) {
  const costing = cases.filter((c) => urgencyOf(c) === 'costing').length;
  const tomorrow = cases.filter((c) => urgencyOf(c) === 'tomorrow').length;
  if (costing + tomorrow === 0) return null;
  return (
    <p class="discharge-banner" role="alert">
      <span aria-hidden="true">⚠ </span>
      {t('discharge.alert', { costing, tomorrow })}
    </p>
  );
}
