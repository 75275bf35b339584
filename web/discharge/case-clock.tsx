/** The case's facts and its clock: status, hospital, needs, day 0, liability, SIP, cost. */
import { t } from '../i18n/i18n.ts';
import { formatDayClock } from '../time/format.ts';
import { type DischargeCase, formatSek, urgencyText } from './case-urgency.ts';

export function CaseClock({ c }: { c: DischargeCase }) {
  const clock = c.clock;
  return (
    <div class="discharge-facts">
      <section aria-labelledby="discharge-facts-h">
        <h3 id="discharge-facts-h">{t('discharge.facts')}</h3>
        <dl>
          <dt>{t('discharge.fact.status')}</dt>
          <dd>{t(`discharge.statusWord.${c.status}`)}</dd>
          <dt>{t('discharge.fact.hospital')}</dt>
          <dd>{[c.hospital, c.ward].filter(Boolean).join(', ') || '–'}</dd>
          <dt>{t('discharge.fact.careType')}</dt>
          <dd>{t(`discharge.careType.${c.careType}`)}</dd>
          <dt>{t('discharge.col.ready')}</dt>
          <dd>{c.readyAt ? formatDayClock(c.readyAt) : t('discharge.notYet')}</dd>
          <dt>{t('discharge.col.planned')}</dt>
          <dd>{c.plannedDischargeAt ? formatDayClock(c.plannedDischargeAt) : '–'}</dd>
          <dt>{t('discharge.fact.expected')}</dt>
          <dd>{c.expectedDischargeDate ?? '–'}</dd>
          <dt>{t('discharge.fact.needs')}</dt>
          <dd>{c.needs.map((n) => t(`discharge.need.${n}`)).join(', ') || '–'}</dd>
        </dl>
      </section>
      <section aria-labelledby="discharge-clock-h">
        <h3 id="discharge-clock-h">{t('discharge.clock')}</h3>
        <p class="discharge-status">{urgencyText(c)}</p>
        <dl>
          <dt>{t('discharge.clock.dayZero')}</dt>
          <dd>{clock.dayZero ?? t('discharge.notYet')}</dd>
          <dt>{t('discharge.clock.liabilityStart')}</dt>
          <dd>{clock.liabilityStart ?? '–'}</dd>
          <dt>{t('discharge.clock.sip')}</dt>
          <dd>
            {clock.sipDeadline ?? (c.sipNeeded ? t('discharge.notYet') : t('discharge.noSip'))}
          </dd>
          <dt>{t('discharge.clock.cost')}</dt>
          <dd>
            {formatSek(clock.costSek)} (
            {t('discharge.clock.daily', { cost: formatSek(clock.dailyAmountSek) })})
          </dd>
        </dl>
      </section>
    </div>
  );
}
