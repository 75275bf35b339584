import { useComputed } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { TopBar } from '../components/top-bar.tsx';
import { t } from '../i18n/i18n.ts';
import { session } from '../session/session.ts';
import { formatClock } from '../time/format.ts';
import { NoticeBanner } from './notice-banner.tsx';
import { PhoneStore } from './phone-store.ts';
import { PositionPanel } from './position-panel.tsx';
import { PositionShare } from './position-share.ts';
import { type RouteVisit, isFinal, routeOrder, statusAfter } from './route-model.ts';
import { VisitCard } from './visit-card.tsx';

const SHARING = 'hemsjukvard.phone.sharing';

/** The caregiver's phone: today's route in order, big status buttons, position by consent. */
export function PhonePage() {
  const s = session.value!;
  const staffId = s.user.staffId ?? '';
  const store = useMemo(() => new PhoneStore(s.user.userId), [s.user.userId]);
  const share = useMemo(
    () =>
      new PositionShare(staffId, () => {
        const now = [...store.visits.value.values()].map((v) => v.status);
        return now.includes('in_progress')
          ? 'on_visit'
          : now.includes('en_route')
            ? 'en_route'
            : 'available';
      }),
    [store, staffId],
  );

  useEffect(() => {
    store.start();
    // Sharing was turned on in this tab before a reload: it stays on until turned off.
    if (sessionStorage.getItem(SHARING) === 'on') share.start();
    return () => {
      store.stop();
      share.stop();
    };
  }, [store, share]);

  const route = useComputed(() => routeOrder(store.visits.value.values(), staffId));
  const queued = store.outbox.items.value;
  const list = route.value;
  const left = list.filter(
    (v) => !isFinal(statusAfter(v.status, store.outbox.pendingFor(v.id))),
  ).length;
  const numbers = new Map(list.map((v, i) => [v.id, i + 1]));
  const done = (v: RouteVisit) => isFinal(v.status) && !queued.some((c) => c.visitId === v.id);
  const finished = list.filter(done);
  const open = list.filter((v) => !done(v));
  const card = (v: RouteVisit) => (
    <VisitCard
      key={v.id}
      n={numbers.get(v.id)!}
      visit={v}
      patient={store.patients.value.get(v.patientId)}
      staffId={staffId}
      pending={queued.filter((c) => c.visitId === v.id)}
      sending={store.sending.value?.visitId === v.id}
      online={store.online.value}
      onPress={(status) => store.press(v, status)}
    />
  );

  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <TopBar title={t('phone.title')} />
      <main id="main" class="phone">
        <p class={`net ${store.online.value ? 'net-on' : 'net-off'}`} role="status">
          <span aria-hidden="true">{store.online.value ? '● ' : '✕ '}</span>
          {store.online.value ? t('phone.online') : t('phone.offline')}
          {queued.length > 0 && (
            <>
              <br />
              {t('phone.pendingCount', { count: queued.length })}
            </>
          )}
        </p>
        <NoticeBanner store={store} numbers={numbers} onClose={() => (store.notice.value = null)} />
        <section aria-labelledby="route-title">
          <div class="route-head">
            <h2 id="route-title">{t('phone.visits')}</h2>
            <button type="button" onClick={() => void store.refresh()}>
              {t('phone.refresh')}
            </button>
          </div>
          {store.loaded.value === 'loading' ? (
            <p>{t('phone.loading')}</p>
          ) : store.loaded.value === 'failed' ? (
            <p>{t('phone.failed')}</p>
          ) : list.length === 0 ? (
            <p>{t('phone.empty')}</p>
          ) : (
            <>
              <p class="summary">
                {t('phone.summary', { left, total: list.length })}
                {store.refreshedAt.value !== null &&
                  ` · ${t('phone.refreshed', { time: formatClock(new Date(store.refreshedAt.value)) })}`}
              </p>
              {/* What is behind the caregiver folds away; the next visit comes first on screen. */}
              {finished.length > 0 && (
                <details class="finished">
                  <summary>{t('phone.finished', { count: finished.length })}</summary>
                  <ol class="route">{finished.map(card)}</ol>
                </details>
              )}
              <ol class="route">{open.map(card)}</ol>
            </>
          )}
        </section>
        <PositionPanel
          share={share}
          onChange={(on) => {
            sessionStorage.setItem(SHARING, on ? 'on' : 'off');
            if (on) share.start();
            else share.stop();
          }}
        />
      </main>
    </>
  );
}
