/** One case: its facts and clock, what arrived when, and the first visits to confirm. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { api } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { session } from '../session/session.ts';
import { CaseClock } from './case-clock.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { canConfirmVisits } from './discharge-route.ts';
import { FirstVisits } from './first-visits.tsx';
import { scopeOf } from './discharge-scope.ts';
import { useDischargeRefresh } from './use-discharge-refresh.ts';

export function CasePage({ id }: { id: string }) {
  const detail = useSignal<Schemas['DischargeCaseDetail'] | null>(null);
  const error = useSignal('');
  const load = async () => {
    const {
      data,
      error: err,
      response,
    } = await api.GET('/api/discharge/cases/{id}', {
      params: { path: { id } },
    });
    if (data) detail.value = data;
    else
      error.value =
        (err as { error?: { message?: string } })?.error?.message ?? String(response.status);
  };
  useEffect(() => void load(), [id]);
  // This case's events (a message, a confirmation elsewhere) and new rules: fetch it again.
  useDischargeRefresh(
    scopeOf(detail.value?.municipality),
    () => void load(),
    (change) => change.kind === 'all' || change.caseId === id,
  );

  const c = detail.value;
  if (error.value)
    return (
      <p role="alert" class="error">
        {t('discharge.caseError', { message: error.value })}
      </p>
    );
  if (!c) return <p role="status">{t('discharge.caseLoading')}</p>;
  const patient = c.patientName;
  const role = session.value?.user.role;
  return (
    <article class="discharge-case" aria-labelledby="discharge-case-h">
      <h2 id="discharge-case-h">{t('discharge.caseHeading', { patient })}</h2>
      <CaseClock c={c} />
      <FirstVisits
        key={c.id}
        c={c}
        canConfirm={role ? canConfirmVisits(role) : false}
        onConfirmed={() => void load()}
      />
      <CaseTimeline entries={c.timeline} />
    </article>
  );
}
