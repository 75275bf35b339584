/**
 * The discharge view (#utskrivning): the open cases of a municipality with the alert and the
 * municipality's liability rules, or one case. Reached from the planner's, the console's and
 * the board's headers.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import { TopBar } from '../components/top-bar.tsx';
import { t } from '../i18n/i18n.ts';
import { session } from '../session/session.ts';
import { CaseList } from './case-list.tsx';
import { CasePage } from './case-page.tsx';
import { type DischargeRoute, listHref } from './discharge-route.ts';
import { LiabilityBanner } from './liability-banner.tsx';
import { LiabilitySettingsPanel, canReadLiability } from './liability-settings-panel.tsx';
import { useDischargeCases } from './use-discharge-cases.ts';
import './discharge.css';

export function DischargePage({ route }: { route: NonNullable<DischargeRoute> }) {
  const user = session.value?.user;
  const own = user?.municipalities ?? [];
  // An admin has no municipalities of their own: they pick among all of them.
  const all = useSignal<string[]>([]);
  useEffect(() => {
    if (own.length > 0) return;
    void api.GET('/api/municipalities', { params: { query: { limit: 100 } } }).then(({ data }) => {
      if (data) all.value = data.items.map((m) => m.code);
    });
  }, []);
  const codes = own.length > 0 ? own : all.value;
  const municipality = useSignal('');
  // The rules are per municipality: the one chosen, or the user's only one.
  const rulesOf = municipality.value || (own.length === 1 ? own[0]! : '');
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
          <>
            <OpenCases municipality={municipality.value} />
            {user && canReadLiability(user) && (
              <>
                {rulesOf ? (
                  <LiabilitySettingsPanel key={rulesOf} municipality={rulesOf} />
                ) : (
                  <p>{t('discharge.settings.pick')}</p>
                )}
              </>
            )}
          </>
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
