import { t } from '../i18n/i18n.ts';
import { type CostPoint, formatCost, polylinePoints } from './cost-chart-model.ts';

const BOX = { width: 320, height: 90, pad: 6 };

/** The best cost over time, small; its latest figure in words beside it for screen readers. */
export function CostChart({
  series,
  budgetMs,
}: {
  series: readonly CostPoint[];
  budgetMs: number;
}) {
  const last = series.at(-1);
  const desc = last
    ? t('planner.chartDesc', {
        cost: formatCost(last.cost),
        elapsed: Math.round(last.elapsedMs / 1000),
      })
    : t('planner.noCostYet');
  return (
    <figure class="cost-chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        width={BOX.width}
        height={BOX.height}
        role="img"
        aria-labelledby="cost-chart-title cost-chart-desc"
      >
        <title id="cost-chart-title">{t('planner.chartTitle')}</title>
        <desc id="cost-chart-desc">{desc}</desc>
        <rect x="0" y="0" width={BOX.width} height={BOX.height} class="cost-chart-bg" />
        <polyline points={polylinePoints(series, budgetMs, BOX)} class="cost-chart-line" />
      </svg>
      <figcaption>
        {t('planner.chartTitle')}: {last ? formatCost(last.cost) : t('planner.noCostYet')}
      </figcaption>
    </figure>
  );
}
