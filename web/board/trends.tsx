import { useSignal } from '@preact/signals';
import { t } from '../i18n/i18n.ts';
import type { BoardFigures, FigureId } from './board-types.ts';
import { FIGURES } from './figures.ts';
import { type Grain, TrendChart } from './trend-chart.tsx';
import { byDay, byWeek } from './trend-series.ts';

/** The figures drawn over time (continuity: the 14 days ending each day). */
export const TREND_FIGURES: readonly FigureId[] = [
  'continuityKolada',
  'punctuality',
  'visitsDone',
  'travelShare',
  'urgent1',
  'contactShare',
  'arrivals',
  'overtime',
  'missed',
];

/** Small multiples of the trends, by day or by ISO week (a toggle for all of them). */
export function Trends(props: {
  figures: BoardFigures | null;
  period: { from: string; to: string };
  fileParts: readonly string[];
}) {
  const grain = useSignal<Grain>('day');
  const choose = (g: Grain) => (grain.value = g);
  return (
    <section class="board-section" aria-labelledby="trends-heading">
      <div class="section-head">
        <h2 id="trends-heading">{t('board.trendsHeading')}</h2>
        <div class="grain" role="group" aria-label={t('board.grain')}>
          {(['day', 'week'] as const).map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={grain.value === g}
              onClick={() => choose(g)}
            >
              {t(g === 'day' ? 'board.perDay' : 'board.perWeek')}
            </button>
          ))}
        </div>
      </div>
      <div class="charts">
        {TREND_FIGURES.map((id) => {
          const points = props.figures?.days[id] ?? [];
          const series =
            grain.value === 'day'
              ? byDay(points, props.period)
              : byWeek(points, props.period, FIGURES[id].aggregate);
          return (
            <TrendChart
              key={id}
              id={id}
              points={series}
              grain={grain.value}
              fileParts={props.fileParts}
              note={id === 'continuityKolada' ? t('board.continuityTrendNote') : undefined}
            />
          );
        })}
      </div>
    </section>
  );
}
