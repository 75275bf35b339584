/**
 * The open cases, those costing money first (the server's order): patient, hospital and ward,
 * ready-for-discharge, planned discharge, days left before payment liability and the SIP
 * deadline, each status in words.
 */
import { t } from '../i18n/i18n.ts';
import { formatDayClock } from '../time/format.ts';
import { type DischargeCase, urgencyOf, urgencyText } from './case-urgency.ts';
import { caseHref } from './discharge-route.ts';

export function CaseList({ cases }: { cases: readonly DischargeCase[] }) {
  if (cases.length === 0) return <p>{t('discharge.none')}</p>;
  return (
    <div class="table-scroll">
      <table class="discharge-table">
        <caption class="sr-only">{t('discharge.listHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('discharge.col.patient')}</th>
            <th scope="col">{t('discharge.col.hospital')}</th>
            <th scope="col">{t('discharge.col.ready')}</th>
            <th scope="col">{t('discharge.col.planned')}</th>
            <th scope="col">{t('discharge.col.status')}</th>
            <th scope="col">{t('discharge.col.sip')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const patient = c.patientName;
            return (
              <tr key={c.id} class={`urgency-${urgencyOf(c)}`}>
                <th scope="row">
                  <a href={caseHref(c.id)} aria-label={t('discharge.open', { patient })}>
                    {patient}
                  </a>
                </th>
                <td>{[c.hospital, c.ward].filter(Boolean).join(', ') || '–'}</td>
                <td>{c.readyAt ? formatDayClock(c.readyAt) : t('discharge.notYet')}</td>
                <td>
                  {c.plannedDischargeAt
                    ? formatDayClock(c.plannedDischargeAt)
                    : c.expectedDischargeDate
                      ? t('discharge.expected', { date: c.expectedDischargeDate })
                      : '–'}
                </td>
                <td class="discharge-status">{urgencyText(c)}</td>
                <td>
                  {c.clock.sipDeadline ??
                    (c.sipNeeded ? t('discharge.notYet') : t('discharge.noSip'))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
