import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { api } from '../api/client.ts';
import { TopBar } from '../components/top-bar.tsx';
import { DischargeLink } from '../discharge/discharge-link.tsx';
import { t } from '../i18n/i18n.ts';
import { LiveConnection } from '../live/live-connection.ts';
import { endSession, session } from '../session/session.ts';
import { formatClock } from '../time/format.ts';
import { ConnectionStatus } from './connection-status.tsx';
import { MapPanel } from './map/map-panel.tsx';
import { PositionStore } from './map/positions.ts';
import { type ConsoleView, ViewSwitch } from './map/view-switch.tsx';
import { MunicipalityPicker } from './municipality-picker.tsx';
import { QueueTable } from './queue-table.tsx';
import { StaffList } from './staff-list.tsx';
import { useTeamChoice } from './team-view.ts';
import { ConsoleStore } from './store.ts';
import { SickCall } from './sick/sick-call.tsx';
import { TimelinePanel } from './timeline/timeline-panel.tsx';
import type { ShiftRow } from './types.ts';
import { openVisitSuggestions } from './urgent/open-request.ts';
import { UrgentButton, UrgentDialog } from './urgent/urgent-dialog.tsx';

const PICKED = 'hemsjukvard.municipality';

/** The night dispatcher's console: one municipality of the user's scope, fed live. */
export function ConsolePage() {
  const s = session.value!;
  const scope = useSignal<readonly string[]>(s.user.municipalities);
  const names = useSignal<ReadonlyMap<string, string>>(new Map());
  const picked = useSignal(sessionStorage.getItem(PICKED) ?? '');
  const code = scope.value.includes(picked.value) ? picked.value : (scope.value[0] ?? '');

  useEffect(() => {
    // The scope as the server has it now; the names for the picker.
    void api.GET('/api/auth/me').then(({ data }) => {
      if (data) scope.value = data.municipalities;
    });
    void api.GET('/api/municipalities', { params: { query: { limit: 100 } } }).then(({ data }) => {
      if (data) names.value = new Map(data.items.map((m) => [m.code, m.name]));
    });
  }, []);

  const live = useMemo(() => {
    if (!code) return null;
    const store = new ConsoleStore();
    const positions = new PositionStore();
    const connection = new LiveConnection(s.token, code, {
      snapshot: (m) => {
        store.applySnapshot(m);
        positions.applySnapshot(m);
      },
      event: (m) => {
        store.applyEvent(m);
        positions.applyEvent(m);
      },
      position: (m) => positions.applyPosition(m),
      sessionEnded: () => endSession('expired'),
    });
    return { store, connection, code, positions };
  }, [code, s.token]);

  const team = useTeamChoice(code, live?.store ?? null);
  const sickTarget = useSignal<ShiftRow | null>(null);
  const view = useSignal<ConsoleView>('queue');
  const announcement = useSignal('');
  useEffect(() => {
    if (!live) return;
    live.store.onNewUrgent = (v) => {
      announcement.value = t('queue.announce', {
        priority: t(`priority.${v.priority}`),
        task: v.taskTypes.map((task) => t(`task.${task}`)).join(', '),
        time: formatClock(v.windowEnd),
      });
    };
    live.connection.open();
    void api
      .GET('/api/dispatch/late-risks', { params: { query: { municipality: live.code } } })
      .then(({ data }) => data && live.store.addLateRisks(data.alerts));
    return () => live.connection.close();
  }, [live]);

  const staffNames = useMemo(() => new Map<string, string>(), [live]);
  if (live) for (const shift of live.store.shifts.value) staffNames.set(shift.staffId, shift.name);

  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <TopBar title={t('console.title')}>
        {scope.value.length > 0 && (
          <MunicipalityPicker
            codes={scope.value}
            names={names.value}
            value={code}
            onChange={(next) => {
              sessionStorage.setItem(PICKED, next);
              picked.value = next;
            }}
            teams={team.teams.value}
            team={team.chosen}
            onTeamChange={team.choose}
          />
        )}
        {live && <ConnectionStatus state={live.connection.state} />}
        <DischargeLink />
      </TopBar>
      <main id="main" class="console">
        <div class="announcer" aria-live="polite" role="log">
          {announcement.value}
        </div>
        {!live ? (
          <p>{t('console.noScope')}</p>
        ) : !live.store.loaded.value ? (
          // The connection badge says why when the state cannot come (refused, ended).
          <p>{t('console.loading')}</p>
        ) : (
          <>
            <div class="console-main">
              <ViewSwitch view={view} />
              {view.value === 'map' ? (
                <MapPanel
                  key={`${live.code}:${team.chosen}`}
                  store={team.store ?? live.store}
                  positions={live.positions}
                  code={live.code}
                  name={names.value.get(live.code) ?? live.code}
                />
              ) : view.value === 'timeline' ? (
                <TimelinePanel
                  key={team.chosen}
                  store={team.store ?? live.store}
                  names={staffNames}
                  code={live.code}
                />
              ) : (
                <QueueTable
                  key={team.chosen}
                  store={team.store ?? live.store}
                  names={staffNames}
                  onSuggest={openVisitSuggestions}
                  actions={<UrgentButton />}
                />
              )}
            </div>
            <StaffList
              key={team.chosen}
              store={team.store ?? live.store}
              onSick={(shift) => (sickTarget.value = shift)}
            />
            <SickCall store={live.store} target={sickTarget} />
            <UrgentDialog store={live.store} municipality={live.code} names={staffNames} />
          </>
        )}
      </main>
    </>
  );
}
