/**
 * The discharge view (#utskrivning): the open cases of a municipality with the alert, or one
 * case. Reached from the planner's, the console's and the board's headers.
 */
import { useSignal } from '@preact/signals';
import { TopBar } from '../components/top-bar.tsx';
import { t } from '../i18n/i18n.ts';
import { session } from '../session/session.ts';
import { CaseList } from './case-list.tsx';
import { CasePage } from './case-page.tsx';
import { type DischargeRoute, listHref } from './discharge-route.ts';
import { LiabilityBanner } from './liability-banner.tsx';
import { useDischargeCases } from './use-discharge-cases.ts';
import './discharge.css';

export function DischargePage({ route }: { route: NonNullable<DischargeRoute> }) {
  const codes = session.value?.user.municipalities ?? [];
  const municipality = useSignal('');
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <TopBar title={t('discharge.title')}>
        <a href="#" class="discharge-link">
          {t('discharge.back')}
        </a>
        {route.view === 'case' && (
          <a href={listHref} class="discharge-link">
            {t('discharge.toList')}
          </a>
        )}
        {route.view === 'list' && codes.length > 1 && (
          <label class="discharge-picker">
            {t('discharge.municipality')}{' '}
            <select
              value={municipality.value}
              onChange={(e) => (municipality.value = e.currentTarget.value)}
            >
              <option value="">{t('discharge.allMunicipalities')}</option>
              {codes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
        )}
      </TopBar>
      <main id="main" class="discharge" tabIndex={-1}>
        {route.view === 'case' ? (
          <CasePage key={route.id} id={route.id} />
        ) : (
          <OpenCases municipality={municipality.value} />
        )}
      </main>
    </>
  );
}

function OpenCases({ municipality }: { municipality: string }) {
  const { cases, error } = useDischargeCases(municipality || undefined);
  return (
    <section aria-labelledby="discharge-list-h">
      <h2 id="discharge-list-h">{t('discharge.listHeading')}</h2>
      {error.value && (
        <p role="alert" class="error">
          {t('discharge.error', { message: error.value })}
        </p>
      )}
      {cases.value === null ? (
        <p role="status">{t('discharge.loading')}</p>
      ) : (
        <>
          <LiabilityBanner cases={cases.value} />
          <CaseList cases={cases.value} />
        </>
      )}
    </section>
  );
}
