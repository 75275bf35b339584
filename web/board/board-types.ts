/**
 * What the board shows, as the page holds it: figures for the period, their points per day,
 * the lateness and urgent tables, delegations running out, and the county's municipalities.
 * board-api.ts fills it from the figures API; the components read only this.
 */
import type { DayPoint } from './trend-series.ts';

export const FIGURE_IDS = [
  'continuityKolada',
  'continuityAll',
  'contactShare',
  'punctuality',
  'urgent1',
  'urgent2',
  'travelShare',
  'utilisation',
  'overtime',
  'visitsDone',
  'missed',
  'arrivals',
  'twoPerson',
  'overrun',
  'travelMinutes',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export const LATENESS = [
  'early',
  'onTime',
  'late1to15',
  'late16to30',
  'late31to60',
  'lateOver60',
] as const;
export type Lateness = (typeof LATENESS)[number];

export interface UrgentRow {
  priority: 'urgent1' | 'urgent2';
  registered: number;
  reached: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  targetMinutes: number;
  withinTarget: number;
}

export interface ExpiringDelegation {
  staffName: string;
  taskType: string;
  delegatedByName: string;
  /** ISO instant. */
  validTo: string;
}

export interface BoardFigures {
  /** The whole period's value of each figure (null: nothing to measure). */
  values: Partial<Record<FigureId, number | null>>;
  /** A second figure beside the first: p90 of continuity, the urgent target… */
  extra: Partial<
    Record<FigureId, { p90?: number | null; target?: number; within?: number; of?: number }>
  >;
  /** Per day, for the charts and the trend words. */
  days: Partial<Record<FigureId, DayPoint[]>>;
  lateness: Record<Lateness, number> | null;
  urgent: UrgentRow[];
  /**
   * The figures of the last 7 full days and of the 7 before, for the tiles' trend words (a
   * share the ratio of those days' sums, not a mean of their days); null: not asked.
   */
  lastWeeks: {
    before: Partial<Record<FigureId, number | null>>;
    after: Partial<Record<FigureId, number | null>>;
  } | null;
  /** Planned against actual visit time and travel (minutes; null: nothing to compare). */
  plannedActual: PlannedActualRow[];
}

export interface PlannedActualRow {
  kind: 'visitTime' | 'travel';
  plannedMean: number | null;
  actualMean: number | null;
  actualMedian: number | null;
  /** Actual minus planned, per visit. */
  diffMedian: number | null;
  diffP90: number | null;
  /** Visits compared. */
  visits: number;
}

/** The figures of each ISO week of the period, as the server computed them for that week. */
export type WeekFigures = readonly {
  key: string;
  values: Partial<Record<FigureId, number | null>>;
}[];

export interface CountyRow {
  code: string;
  name: string;
  values: Partial<Record<FigureId, number | null>>;
}
