/** The best cost over time as an SVG polyline: x by elapsed time of the budget, y by cost. */
export interface CostPoint {
  elapsedMs: number;
  cost: number;
  /** False while the solver has no feasible plan yet (absent: feasible). */
  feasible?: boolean;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room on every side, so a line at the extremes stays visible. */
  pad: number;
}

/**
 * Appends a point when the cost or time moved on; keeps the series in time order. While no
 * plan is feasible the solver reports its search's lowest cost, which is not comparable with a
 * feasible plan's: the first feasible point starts the series again, and infeasible points
 * after it are left out, so the line only ever shows like with like.
 */
export function addPoint(series: readonly CostPoint[], point: CostPoint): CostPoint[] {
  const last = series.at(-1);
  const feasible = point.feasible !== false;
  if (last && last.feasible !== false && !feasible) return [...series];
  if (last && last.feasible === false && feasible) return [point];
  if (last && point.elapsedMs < last.elapsedMs) return [...series];
  if (last && last.elapsedMs === point.elapsedMs && last.cost === point.cost) return [...series];
  return [...series, point];
}

/**
 * "x,y x,y …" for <polyline points>. Time runs over the whole budget (or further when the job
 * ran over it); cost from its lowest (bottom) to its highest (top) seen; a flat series is drawn
 * mid-height.
 */
export function polylinePoints(
  series: readonly CostPoint[],
  budgetMs: number,
  box: ChartBox,
): string {
  if (series.length === 0) return '';
  const span = Math.max(budgetMs, series.at(-1)!.elapsedMs, 1);
  const costs = series.map((p) => p.cost);
  const lo = Math.min(...costs);
  const hi = Math.max(...costs);
  const w = box.width - 2 * box.pad;
  const h = box.height - 2 * box.pad;
  const round = (n: number) => Math.round(n * 10) / 10;
  return series
    .map((p) => {
      const x = box.pad + (p.elapsedMs / span) * w;
      const y = hi === lo ? box.pad + h / 2 : box.pad + ((hi - p.cost) / (hi - lo)) * h;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

/** How far the job has gone, 0-100 (a job may run a little over its budget). */
export function progressPercent(elapsedMs: number, budgetMs: number): number {
  if (budgetMs <= 0) return 100;
  return Math.min(100, Math.max(0, Math.round((elapsedMs / budgetMs) * 100)));
}

/** Costs are large sums of weighted seconds: whole numbers with Swedish grouping. */
export function formatCost(cost: number | null | undefined): string {
  if (cost === null || cost === undefined) return '–';
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(cost);
}
