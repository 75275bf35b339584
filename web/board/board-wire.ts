/**
 * The figures as the API sends them (server/board/: board-figures.ts, trends.ts, county.ts).
 * Mirrors those types until the routes are in the OpenAPI document; then these become aliases
 * of web/api/client.ts's Schemas.
 */
import type { Lateness } from './board-types.ts';

interface Median {
  median: number;
  p90: number;
}

export interface WireFigures {
  municipalityCode: string;
  teamId: string | null;
  period: { from: string; to: string; days: number };
  continuity: {
    window: { from: string; to: string };
    overall: { patients: number; kolada: Median; allHours: Median };
  };
  contactShare: { visits: number; byContact: number; share: number | null };
  punctuality: {
    started: number;
    withinWindow: number;
    share: number | null;
    buckets: Record<Lateness, number>;
  };
  urgentResponse: readonly {
    priority: 'urgent1' | 'urgent2';
    registered: number;
    reached: number;
    medianMinutes: number | null;
    p90Minutes: number | null;
    targetMinutes: number;
    withinTarget: number;
  }[];
  outcomes: {
    visits: number;
    done: number;
    unplaced: number;
    noAccess: number;
    cancelled: number;
    twoPerson: { done: number; together: number };
    arrivalsPerPatientDay: number | null;
  };
  workingTime: {
    shiftHours: number;
    utilisation: number | null;
    travelShare: number | null;
    overtimeHours: number;
  };
  plannedActual: {
    visits: number;
    overrunMinutes: { median: number | null; p90: number | null };
    travelMinutes: { mean: number | null; median: number | null };
  };
}

export interface WireTrendDay {
  day: string;
  visits: number;
  done: number;
  unplaced: number;
  noAccess: number;
  cancelled: number;
  arrivalsPerPatientDay: number | null;
  punctualityShare: number | null;
  contactShare: number | null;
  urgent1MedianMinutes: number | null;
  urgent2MedianMinutes: number | null;
  utilisation: number | null;
  travelShare: number | null;
  overtimeHours: number;
}

export interface WireCountyRow {
  municipalityCode: string;
  name: string;
  continuityPatients: number;
  continuityKoladaMedian: number;
  continuityAllHoursMedian: number;
  contactShare: number | null;
  punctualityShare: number | null;
  urgent1MedianMinutes: number | null;
  visits: number;
  done: number;
  unplaced: number;
  noAccess: number;
  cancelled: number;
  travelShare: number | null;
  utilisation: number | null;
}

export interface WireDelegation {
  staffName: string;
  taskType: string;
  delegatedByName: string;
  validTo: string;
}
