import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import { TopBar } from '../components/top-bar.tsx';
import { BoardDischarge } from '../discharge/board-discharge.tsx';
import { DischargeLink } from '../discharge/discharge-link.tsx';
import { MunicipalityPicker } from '../console/municipality-picker.tsx';
import { useTeamChoice } from '../console/team-view.ts';
import { t } from '../i18n/i18n.ts';
import { session } from '../session/session.ts';
import { formatClock } from '../time/format.ts';
import { boardApi } from './board-api.ts';
import { CountyView } from './county-view.tsx';
import { CsvStylePicker } from './csv-style-picker.tsx';
import { DelegationsTable, DetailTables } from './detail-tables.tsx';
import { EconomicsTable } from './economics-table.tsx';
import { HistoryNotice } from './history-notice.tsx';
import { useHistoryStatus } from './history-status.ts';
import { type PeriodDays, lastDays } from './period.ts';
import { PeriodPicker } from './period-picker.tsx';
import { taskName } from './task-name.ts';
import { Tiles } from './tiles.tsx';
import type { Grain } from './trend-chart.tsx';
import { Trends } from './trends.tsx';
import { useBoardData } from './use-board-data.ts';
import { useWeekFigures } from './use-week-figures.ts';
import './board.css';

/**
 * The manager's (enhetschef's, MAS's) board: per municipality and team, the period's figures
 * as tiles with their trend in words, the trends as small charts (each also a table), the
 * lateness and urgent tables, delegations running out, and the county's municipalities
 * compared on the map and in a table. Every table exports as CSV. Live: the figures are
 * fetched again when visits are started or finished.
 */
export function BoardPage() {
  const s = session.value!;
  const scope = useSignal<readonly string[]>(s.user.municipalities);
  const names = useSignal<ReadonlyMap<string, string>>(new Map());
  const municipality = useSignal(s.user.municipalities[0] ?? '');
  const days = useSignal<PeriodDays>(28);

  useEffect(() => {
    void api.GET('/api/auth/me').then(({ data: me }) => {
      if (!me) return;
      scope.value = me.municipalities;
      if (!me.municipalities.includes(municipality.value))
        municipality.value = me.municipalities[0] ?? '';
    });
    void api
      .GET('/api/municipalities', { params: { query: { limit: 100 } } })
      .then(({ data: m }) => {
        if (m) names.value = new Map(m.items.map((x) => [x.code, x.name]));
      });
  }, []);

  const code = municipality.value;
  const team = useTeamChoice(code, null);
  // A user whose scope is some teams may not see the whole municipality (the server says 403):
  // the board shows one of their teams (the list holds only theirs), never "all teams", and
  // asks for nothing until it knows which.
  const teamScoped = s.user.role !== 'admin' && s.user.teams.length > 0;
  const teamId = teamScoped ? team.chosen || (team.teams.value[0]?.id ?? '') : team.chosen;
  const period = lastDays(days.value, new Date());
  const query = {
    municipality: teamScoped && !teamId ? '' : code,
    team: teamId,
    from: period.from,
    to: period.to,
  };
  const data = useBoardData(boardApi, query, s.token);
  const grain = useSignal<Grain>('day');
  const weeks = useWeekFigures(boardApi, query, grain.value === 'week', data.updatedAt.value);
  const history = useHistoryStatus(() => void data.reload());
  const teamName = team.teams.value.find((x) => x.id === teamId)?.name;
  // A file's name says what it is of: "punktlighet-0180-alla-2026-03-02-2026-03-29.csv".
  const fileParts = [code, teamName ?? '', period.from, period.to].filter(Boolean);
  const updated = data.updatedAt.value;

  return (
    <>
      <TopBar title={t('board.title')}>
        <DischargeLink />
        <p class="board-status" role="status">
          {data.error.value
            ? t('board.error', { message: data.error.value })
            : data.loading.value && !updated
              ? t('board.loading')
              : updated
                ? `${t('board.periodRange', { from: period.from, to: period.to })} · ${t('board.updatedLive', { time: formatClock(updated) })}`
                : ''}
        </p>
      </TopBar>
      <main id="main" class="board">
        <section class="board-controls" aria-label={t('board.controls')}>
          <MunicipalityPicker
            codes={scope.value}
            names={names.value}
            value={code}
            onChange={(c) => (municipality.value = c)}
            teams={team.teams.value}
            team={teamId}
            onTeamChange={team.choose}
            allTeams={!teamScoped}
          />
          <PeriodPicker value={days.value} onChange={(d) => (days.value = d)} />
          <CsvStylePicker />
        </section>
        <HistoryNotice status={history} />
        <Tiles figures={data.figures.value} to={period.to} />
        <BoardDischarge municipality={code} />
        <Trends
          figures={data.figures.value}
          weeks={weeks.value}
          grain={grain.value}
          onGrain={(g) => (grain.value = g)}
          period={period}
          fileParts={fileParts}
        />
        <div class="board-details">
          <DetailTables figures={data.figures.value} fileParts={fileParts} />
          <DelegationsTable
            delegations={data.delegations.value}
            taskName={taskName}
            fileParts={fileParts}
          />
        </div>
        <EconomicsTable months={data.economics.value} fileParts={fileParts} />
        <CountyView rows={data.county.value} chosen={code} fileParts={[period.from, period.to]} />
      </main>
    </>
  );
}
