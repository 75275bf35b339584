import { t } from '../i18n/i18n.ts';
import type { FigureId } from './board-types.ts';
import { FIGURES, figureName, formatFigure, formatNumber, unitText } from './figures.ts';
import type { Trend } from './trend.ts';

const ARROW = { up: '↑', down: '↓', steady: '→' } as const;

/** The trend in words: "↑ stigande, bättre" (the arrow is decoration; the words carry it). */
export function trendText(trend: Trend | null): string {
  if (!trend) return t('board.trendNone');
  const word = t(
    trend.direction === 'up'
      ? 'board.trendUp'
      : trend.direction === 'down'
        ? 'board.trendDown'
        : 'board.trendSteady',
  );
  if (!trend.verdict) return word;
  return `${word}, ${t(trend.verdict === 'better' ? 'board.trendBetter' : 'board.trendWorse')}`;
}

/**
 * One figure for the period: its name, the number large with its unit, a second figure
 * (p90, target) and the trend in words. The verdict also tints the trend line, but the word
 * says it; nothing here is told by colour alone.
 */
export function Tile(props: {
  id: FigureId;
  value: number | null | undefined;
  trend: Trend | null;
  p90?: number | null;
  target?: number;
}) {
  const figure = FIGURES[props.id];
  const name = figureName(props.id);
  const empty = props.value === null || props.value === undefined;
  return (
    <li class="tile">
      <h3 class="tile-name">{name}</h3>
      <p class="tile-figure">
        {empty ? (
          <span class="tile-none">{t('board.noData')}</span>
        ) : (
          <>
            <span class="tile-number">{formatNumber(props.value!, figure.unit)}</span>{' '}
            <span class="tile-unit">{unitText(figure.unit)}</span>
          </>
        )}
      </p>
      {props.p90 !== undefined && (
        <p class="tile-second">{t('board.p90', { value: formatFigure(props.p90, figure.unit) })}</p>
      )}
      {props.target !== undefined && (
        <p class="tile-second">
          {t('board.target', { value: formatFigure(props.target, figure.unit) })}
        </p>
      )}
      <p class={`tile-trend ${props.trend?.verdict ? `trend-${props.trend.verdict}` : ''}`}>
        <span aria-hidden="true">{props.trend ? ARROW[props.trend.direction] : '·'} </span>
        {trendText(props.trend)}
        <span class="sr-only"> ({t('board.trendVs')})</span>
      </p>
      {figure.help && <p class="tile-help">{t(figure.help)}</p>}
    </li>
  );
}
