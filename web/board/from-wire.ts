/**
 * The API's figures turned into what the board shows: one value per figure for the period,
 * and per day a value with a weight. The weekly charts and the tiles' trend words ask the
 * server for those days' own figures (board-api.ts); the weights remain for trendOf (trend.ts),
 * which weighs the days' shares by visits done: close to the days' own figure, not equal.
 */
import type { BoardFigures, CountyRow, FigureId } from './board-types.ts';
import type { WireCountyRow, WireFigures, WireTrendDay } from './board-wire.ts';
import type { DayPoint } from './trend-series.ts';

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** The board's figures of one municipality (or team) from the period's and the days' figures. */
export function boardFigures(f: WireFigures, trend: readonly WireTrendDay[]): BoardFigures {
  const c = f.continuity.overall;
  const counted = c.patients > 0;
  const u = (p: 'urgent1' | 'urgent2') => f.urgentResponse.find((r) => r.priority === p);
  const o = f.outcomes;
  const values: BoardFigures['values'] = {
    continuityKolada: counted ? c.kolada.median : null,
    continuityAll: counted ? c.allHours.median : null,
    contactShare: f.contactShare.share,
    punctuality: f.punctuality.share,
    urgent1: u('urgent1')?.medianMinutes ?? null,
    urgent2: u('urgent2')?.medianMinutes ?? null,
    travelShare: f.workingTime.travelShare,
    utilisation: f.workingTime.utilisation,
    overtime: f.workingTime.shiftHours > 0 ? f.workingTime.overtimeHours : null,
    visitsDone: o.done,
    missed: o.unplaced + o.noAccess + o.cancelled,
    arrivals: o.arrivalsPerPatientDay,
    twoPerson: ratio(o.twoPerson.together, o.twoPerson.done),
    overrun: f.plannedActual.overrunMinutes.median,
    travelMinutes: f.plannedActual.travelMinutes.median,
  };
  return {
    values,
    extra: {
      continuityKolada: counted ? { p90: c.kolada.p90 } : {},
      continuityAll: counted ? { p90: c.allHours.p90 } : {},
      urgent1: urgentExtra(u('urgent1')),
      urgent2: urgentExtra(u('urgent2')),
    },
    days: trendDays(trend),
    lateness: f.punctuality.started > 0 ? f.punctuality.buckets : null,
    urgent: f.urgentResponse.map((r) => ({ ...r })),
    plannedActual: plannedActualRows(f.plannedActual),
    lastWeeks: null,
  };
}

/** Beside an urgent median: its p90, the target, and how many calls were reached within it. */
function urgentExtra(r: WireFigures['urgentResponse'][number] | undefined) {
  if (!r) return { p90: null };
  return {
    p90: r.p90Minutes,
    target: r.targetMinutes,
    ...(r.registered > 0 ? { within: r.withinTarget, of: r.registered } : {}),
  };
}

/** Visit time and travel, planned against reported, as the table's two rows. */
function plannedActualRows(pa: WireFigures['plannedActual']): BoardFigures['plannedActual'] {
  return [
    {
      kind: 'visitTime',
      plannedMean: pa.plannedMinutes.mean,
      actualMean: pa.actualMinutes.mean,
      actualMedian: pa.actualMinutes.median,
      diffMedian: pa.overrunMinutes.median,
      diffP90: pa.overrunMinutes.p90,
      visits: pa.visits,
    },
    {
      kind: 'travel',
      plannedMean: pa.plannedTravelMinutes.mean,
      actualMean: pa.travelMinutes.mean,
      actualMedian: pa.travelMinutes.median,
      diffMedian: pa.travelOverrunMinutes.median,
      diffP90: pa.travelOverrunMinutes.p90,
      visits: pa.travelOverrunMinutes.visits,
    },
  ];
}

/** Each day's figures as points; a count on a day without visits is 0, a share null. */
export function trendDays(trend: readonly WireTrendDay[]): Partial<Record<FigureId, DayPoint[]>> {
  const series: Partial<Record<FigureId, DayPoint[]>> = {};
  const add = (id: FigureId, day: string, value: number | null, weight: number) =>
    (series[id] ??= []).push({ day, value, weight });
  for (const d of trend) {
    add('visitsDone', d.day, d.done, 1);
    add('missed', d.day, d.unplaced + d.noAccess + d.cancelled, 1);
    add('overtime', d.day, d.overtimeHours, 1);
    add('punctuality', d.day, d.punctualityShare, d.done);
    add('contactShare', d.day, d.contactShare, d.done);
    add('arrivals', d.day, d.arrivalsPerPatientDay, d.done);
    add('urgent1', d.day, d.urgent1MedianMinutes, 1);
    add('urgent2', d.day, d.urgent2MedianMinutes, 1);
    add('travelShare', d.day, d.travelShare, 1);
    add('utilisation', d.day, d.utilisation, 1);
    // The 14 days ending that day; a week is the mean weighed by the patients who count.
    add('continuityKolada', d.day, d.continuityKoladaMedian, d.continuityPatients);
  }
  return series;
}

/** The county table's rows; no continuity where no patient counts (not a median of 0). */
export function countyRows(rows: readonly WireCountyRow[]): CountyRow[] {
  return rows.map((r) => ({
    code: r.municipalityCode,
    name: r.name,
    values: {
      continuityKolada: r.continuityPatients > 0 ? r.continuityKoladaMedian : null,
      continuityAll: r.continuityPatients > 0 ? r.continuityAllHoursMedian : null,
      contactShare: r.contactShare,
      punctuality: r.punctualityShare,
      urgent1: r.urgent1MedianMinutes,
      travelShare: r.travelShare,
      utilisation: r.utilisation,
      visitsDone: r.done,
      missed: r.unplaced + r.noAccess + r.cancelled,
      arrivals: null,
    },
  }));
}
