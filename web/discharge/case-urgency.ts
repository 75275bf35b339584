/**
 * How urgent a case is, in words (never colour alone): already costing money, liability from
 * tomorrow (the day to act), days left, or no clock yet. The server computes the clock; this
 * only names it.
 */
import type { Schemas } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';

export type DischargeCase = Schemas['DischargeCase'];
export type Urgency = 'costing' | 'tomorrow' | 'later' | 'noClock';

export function urgencyOf(c: DischargeCase): Urgency {
  const days = c.clock.daysToLiability;
  if (days === null) return 'noClock';
  if (days <= 0) return 'costing';
  if (days === 1) return 'tomorrow';
  return 'later';
}

export function urgencyText(c: DischargeCase): string {
  const u = urgencyOf(c);
  if (u === 'costing')
    return t('discharge.status.costing', {
      days: c.clock.liableDays,
      cost: formatSek(c.clock.costSek),
    });
  if (u === 'tomorrow') return t('discharge.status.tomorrow');
  if (u === 'later') return t('discharge.status.daysLeft', { days: c.clock.daysToLiability ?? 0 });
  return t('discharge.status.notReady');
}

const sek = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** "27 900 kr". */
export function formatSek(amount: number): string {
  return t('discharge.sek', { amount: sek.format(amount) });
}
