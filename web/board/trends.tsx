import { t } from '../i18n/i18n.ts';
import type { BoardFigures, FigureId, WeekFigures } from './board-types.ts';
import { type Grain, TrendChart } from './trend-chart.tsx';
import { byDay, weekSeries } from './trend-series.ts';

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

/**
 * Small multiples of the trends, by day or by ISO week (a toggle for all of them). A week's
 * point is the server's figure of that week (`weeks`), not a mean of its days.
 */
export function Trends(props: {
  figures: BoardFigures | null;
  weeks: WeekFigures | null;
  grain: Grain;
  onGrain: (g: Grain) => void;
  period: { from: string; to: string };
  fileParts: readonly string[];
}) {
  return (
    <section class="board-section" aria-labelledby="trends-heading">
      <div class="section-head">
        <h2 id="trends-heading">{t('board.trendsHeading')}</h2>
        <div class="grain" role="group" aria-label={t('board.grain')}>
          {(['day', 'week'] as const).map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={props.grain === g}
              onClick={() => props.onGrain(g)}
            >
              {t(g === 'day' ? 'board.perDay' : 'board.perWeek')}
            </button>
          ))}
        </div>
      </div>
      <div class="charts">
        {TREND_FIGURES.map((id) => {
          const series =
            props.grain === 'day'
              ? byDay(props.figures?.days[id] ?? [], props.period)
              : weekSeries(id, props.weeks, props.period);
          return (
            <TrendChart
              key={id}
              id={id}
              points={series}
              grain={props.grain}
              fileParts={props.fileParts}
              note={id === 'continuityKolada' ? t('board.continuityTrendNote') : undefined}
            />
          );
        })}
      </div>
    </section>
  );
}
