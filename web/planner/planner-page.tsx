import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import { TopBar } from '../components/top-bar.tsx';
import { DischargeLink } from '../discharge/discharge-link.tsx';
import { t } from '../i18n/i18n.ts';
import { LiveConnection } from '../live/live-connection.ts';
import { endSession, session } from '../session/session.ts';
import { tomorrowInStockholm } from './day-date.ts';
import { DayPicker } from './day-picker.tsx';
import { DayVisits } from './day-visits.tsx';
import { GeneratePanel } from './generate-panel.tsx';
import { PlanPanel } from './plan-panel.tsx';
import type { DayChoice } from './planner-types.ts';
import { PublishPanel } from './publish-panel.tsx';
import { ResultPanel } from './result-panel.tsx';
import { ComparisonPanel } from './comparison/comparison-panel.tsx';
import { SettingsPanel } from './settings/settings-panel.tsx';
import { ProposalTimeline } from './proposal-timeline/proposal-timeline.tsx';
import { useDayData } from './use-day-data.ts';
import { type LiveProgress, usePlanningJob } from './use-planning-job.ts';
import './planner.css';

/** The scheduler's (planerare's) view: generate tomorrow's visits, plan them, publish. */
export function PlannerPage() {
  const s = session.value!;
  const scope = useSignal<readonly string[]>(s.user.municipalities);
  const names = useSignal<ReadonlyMap<string, string>>(new Map());
  const day = useSignal<DayChoice>({
    municipality: s.user.municipalities[0] ?? '',
    team: '',
    date: tomorrowInStockholm(new Date()),
  });
  const data = useDayData(day.value);
  const planning = usePlanningJob();
  const job = planning.job.value;

  useEffect(() => {
    void api.GET('/api/auth/me').then(({ data: me }) => {
      if (!me) return;
      scope.value = me.municipalities;
      if (!me.municipalities.includes(day.value.municipality))
        day.value = { ...day.value, municipality: me.municipalities[0] ?? '', team: '' };
    });
    void api
      .GET('/api/municipalities', { params: { query: { limit: 100 } } })
      .then(({ data: m }) => {
        if (m) names.value = new Map(m.items.map((x) => [x.code, x.name]));
      });
  }, []);

  // The live feed of the municipality, for the planning job's progress and moves.
  const municipality = day.value.municipality;
  useEffect(() => {
    if (!municipality) return;
    const connection = new LiveConnection(s.token, municipality, {
      snapshot: () => undefined,
      event: (m) => {
        if (m.eventType === 'planning.progress') planning.onLive(m.payload as LiveProgress);
        if (m.eventType === 'planning.moved') planning.onMoved(m.payload as { jobId: string });
      },
      sessionEnded: () => endSession('expired'),
    });
    connection.open();
    return () => connection.close();
  }, [municipality]);

  // A done job's proposal names visits the list may not hold yet (generated meanwhile).
  useEffect(() => {
    if (job?.status === 'done') void data.reloadVisits();
  }, [job?.status]);

  const choose = (next: DayChoice) => {
    day.value = next;
    planning.reset();
  };
  const visitMap = new Map((data.visits.value ?? []).map((v) => [v.id, v]));

  return (
    <>
      <TopBar title={t('planner.title')}>
        <DischargeLink />
      </TopBar>
      <main id="main" class="planner">
        <DayPicker
          codes={scope.value}
          names={names.value}
          teams={data.teams.value}
          day={day.value}
          onChange={choose}
        />
        <GeneratePanel day={day.value} onDone={() => void data.reloadVisits()} />
        <SettingsPanel municipality={day.value.municipality} />
        <PlanPanel day={day.value} state={planning} />
        {job?.status === 'done' && job.result && (
          <>
            <ResultPanel job={job} visits={visitMap} staffNames={data.staffNames.value} />
            {!job.publishedAt && (
              <ProposalTimeline
                job={job}
                visits={visitMap}
                names={data.staffNames.value}
                onChanged={planning.take}
              />
            )}
            <ComparisonPanel key={job.id} jobId={job.id} />
            <PublishPanel
              key={job.id}
              job={job}
              visits={visitMap}
              onPublished={(published) => {
                planning.take(published);
                void data.reloadVisits();
              }}
              onPlanAgain={() => {
                planning.reset();
                document.getElementById('planner-plan')?.scrollIntoView();
              }}
            />
          </>
        )}
        <DayVisits
          visits={data.visits.value}
          staffNames={data.staffNames.value}
          onChanged={() => void data.reloadVisits()}
        />
      </main>
    </>
  );
}
