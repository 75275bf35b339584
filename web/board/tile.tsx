import { Fragment } from 'preact';
import { t } from '../i18n/i18n.ts';
import type { FigureId } from './board-types.ts';
import {
  FIGURES,
  figureName,
  formatFigure,
  formatMinutes,
  formatNumber,
  minuteParts,
  unitText,
  type Unit,
} from './figures.ts';
import type { Trend } from './trend.ts';

const ARROW = { up: '↑', down: '↓', steady: '→' } as const;

/** The number and unit of a tile; minutes in whole minutes, hours and minutes past an hour. */
const parts = (value: number, unit: Unit): [string, string][] =>
  unit === 'minutes' ? minuteParts(value) : [[formatNumber(value, unit), unitText(unit)]];
const second = (value: number | null, unit: Unit) =>
  value !== null && unit === 'minutes' ? formatMinutes(value) : formatFigure(value, unit);

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
  /** Calls reached within the target, of those registered. */
  within?: number;
  of?: number;
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
          parts(props.value!, figure.unit).map(([n, u], i) => (
            <Fragment key={i}>
              {i > 0 && ' '}
              <span class="tile-number">{n}</span> <span class="tile-unit">{u}</span>
            </Fragment>
          ))
        )}
      </p>
      {props.p90 !== undefined && (
        <p class="tile-second">{t('board.p90', { value: second(props.p90, figure.unit) })}</p>
      )}
      {props.target !== undefined && (
        <p class="tile-second">{t('board.target', { value: second(props.target, figure.unit) })}</p>
      )}
      {props.within !== undefined && props.of !== undefined && (
        // How many met the target, in words: what the median alone hides.
        <p class="tile-within">{t('board.withinTarget', { within: props.within, of: props.of })}</p>
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
