import { t } from '../i18n/i18n.ts';
import type { FigureId } from './board-types.ts';
import { type Box, barWidth, lineSegments, xOf, yOf, yScale } from './chart-scale.ts';
import { DataTable } from './data-table.tsx';
import { FIGURES, figureName, formatFigure, formatNumber } from './figures.ts';
import { keyLabel } from './key-label.ts';
import type { SeriesPoint } from './trend-series.ts';

/** A point's key as shown; a week the period cuts says how many of its days count. */
const labelOf = (p: SeriesPoint) =>
  p.days === undefined
    ? keyLabel(p.key)
    : `${keyLabel(p.key)} (${t('board.partWeek', { days: p.days })})`;

const BOX: Box = { width: 300, height: 120, left: 40, right: 8, top: 8, bottom: 22 };

export type Grain = 'day' | 'week';

/**
 * A figure over the days or weeks of the period, small enough to take in at a glance: bars
 * for counts and hours (they add up), a line for shares and medians (a gap where a day had
 * nothing). The SVG is one image with its summary in words; the same points are a table (for
 * screen readers and export) under "Visa som tabell".
 */
export function TrendChart(props: {
  id: FigureId;
  points: readonly SeriesPoint[];
  grain: Grain;
  fileParts: readonly string[];
  /** A line under the chart saying how to read it (continuity: a 14-day window). */
  note?: string;
}) {
  const { id, points } = props;
  const figure = FIGURES[id];
  const name = figureName(id);
  const values = points.map((p) => p.value);
  const scale = yScale(values, figure.unit === 'share' ? 1 : undefined, figure.unit === 'visits');
  const present = values.filter((v): v is number => v !== null);
  const summary = present.length
    ? t('board.chartSummary', {
        figure: name,
        min: formatFigure(Math.min(...present), figure.unit),
        max: formatFigure(Math.max(...present), figure.unit),
        last: formatFigure(present.at(-1)!, figure.unit),
      })
    : `${name}: ${t('board.noDataLong')}`;
  const bars = figure.aggregate === 'sum';
  const w = barWidth(points.length, BOX);
  const base = yOf(Math.max(0, scale.min), scale, BOX);
  const titleId = `chart-${id}-title`;
  return (
    <figure class="trend-chart">
      <figcaption id={titleId} class="trend-name">
        {name}
      </figcaption>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`chart-${id}-desc`}
      >
        <desc id={`chart-${id}-desc`}>{summary}</desc>
        {scale.ticks.map((tick) => (
          <g key={tick} class="chart-tick">
            <line
              x1={BOX.left}
              x2={BOX.width - BOX.right}
              y1={yOf(tick, scale, BOX)}
              y2={yOf(tick, scale, BOX)}
            />
            <text x={BOX.left - 4} y={yOf(tick, scale, BOX) + 4} text-anchor="end">
              {formatNumber(tick, figure.unit)}
            </text>
          </g>
        ))}
        {bars
          ? points.map((p, i) =>
              // Nothing drawn for 0 or no value: the table tells them apart.
              p.value === null || p.value === 0 ? null : (
                <rect
                  key={p.key}
                  class="chart-bar"
                  x={xOf(i, points.length, BOX) - w / 2}
                  width={w}
                  y={Math.min(yOf(p.value, scale, BOX), base)}
                  height={Math.max(1, Math.abs(base - yOf(p.value, scale, BOX)))}
                />
              ),
            )
          : lineSegments(points, scale, BOX).map((seg) =>
              seg.includes(' ') ? (
                <polyline key={seg} class="chart-line" points={seg} />
              ) : (
                <circle
                  key={seg}
                  class="chart-dot"
                  cx={seg.split(',')[0]}
                  cy={seg.split(',')[1]}
                  r="2.5"
                />
              ),
            )}
        {present.length === 0 && (
          <text
            class="chart-empty"
            x={(BOX.left + BOX.width) / 2}
            y={BOX.height / 2}
            text-anchor="middle"
          >
            {t('board.noDataLong')}
          </text>
        )}
        {points.length > 0 && (
          <>
            <text class="chart-key" x={BOX.left} y={BOX.height - 6}>
              {labelOf(points[0]!)}
            </text>
            <text class="chart-key" x={BOX.width - BOX.right} y={BOX.height - 6} text-anchor="end">
              {labelOf(points.at(-1)!)}
            </text>
          </>
        )}
      </svg>
      {props.note && <p class="chart-note">{props.note}</p>}
      <details class="chart-table">
        <summary>
          {t('board.showTable')}
          <span class="sr-only"> – {name}</span>
        </summary>
        <DataTable
          caption={name}
          columns={[
            { label: t(props.grain === 'day' ? 'board.colDay' : 'board.colWeek') },
            { label: name, unit: figure.unit },
          ]}
          // A day as its ISO date (Swedish usage, and a spreadsheet reads it as a date).
          rows={points.map((p) => [props.grain === 'day' ? p.key : labelOf(p), p.value])}
          fileParts={[name, ...props.fileParts]}
        />
      </details>
    </figure>
  );
}
