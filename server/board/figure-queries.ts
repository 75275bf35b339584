import type { Db } from '../../db/client.ts';
import type { BoardScope, Grain } from './board-scope.ts';
import { type ContactShare, contactShare } from './contact-share.ts';
import {
  type ContinuitySummary,
  type PatientContinuityRow,
  continuityPatients,
  continuitySummary,
  continuityWindow,
} from './continuity.ts';
import { type ContinuityDay, continuityTrend } from './continuity-trend.ts';
import { type Economics, economics } from './economics.ts';
import { type PlannedActual, plannedActual } from './planned-actual.ts';
import { type Punctuality, punctuality } from './punctuality.ts';
import {
  continuityPatientsFromRollups,
  continuitySummaryFromRollups,
  continuityTrendFromRollups,
} from './rollups/read-continuity.ts';
import { economicsFromRollups } from './rollups/read-economics.ts';
import {
  contactShareFromRollups,
  plannedActualFromRollups,
  punctualityFromRollups,
  urgentResponseFromRollups,
  visitOutcomesFromRollups,
  workingTimeFromRollups,
} from './rollups/read-visit-figures.ts';
import { refreshRollups } from './rollups/refresh-rollups.ts';
import { type UrgentResponse, urgentResponse } from './urgent-response.ts';
import { type VisitOutcomes, visitOutcomes } from './visit-outcomes.ts';
import { type WorkingTime, workingTime } from './working-time.ts';

type ByGrain<T> = (db: Db, s: BoardScope, grain?: Grain) => Promise<T[]>;

/** Every figure of the board, one way of computing them. */
export interface FigureQueries {
  /** Makes what the figures read current for the scope (the rollups' dirty days). */
  prepare(db: Db, s: BoardScope): Promise<void>;
  continuitySummary(db: Db, s: BoardScope): Promise<ContinuitySummary[]>;
  continuityPatients(db: Db, s: BoardScope): Promise<PatientContinuityRow[]>;
  continuityTrend(db: Db, s: BoardScope): Promise<ContinuityDay[]>;
  contactShare: ByGrain<ContactShare>;
  punctuality: ByGrain<Punctuality>;
  urgentResponse: ByGrain<UrgentResponse>;
  visitOutcomes: ByGrain<VisitOutcomes>;
  workingTime: ByGrain<WorkingTime>;
  plannedActual: ByGrain<PlannedActual>;
  economics(db: Db, s: BoardScope): Promise<Economics[]>;
}

/** The reference: grouped SQL over the visits, shifts and reports themselves. */
export const PLAIN: FigureQueries = {
  prepare: async () => {},
  continuitySummary,
  continuityPatients,
  continuityTrend,
  contactShare,
  punctuality,
  urgentResponse,
  visitOutcomes,
  workingTime,
  plannedActual,
  economics,
};

/**
 * What the board serves: sums over the per-day rollups (server/board/rollups/README.md),
 * the days changed since last read recomputed first, from the 13 days before the period
 * (the first day's continuity window) to its end.
 */
export const ROLLUPS: FigureQueries = {
  prepare: async (db, s) => {
    await refreshRollups(db, s.municipalities, continuityWindow(s.period.from).first, s.period.to);
  },
  continuitySummary: continuitySummaryFromRollups,
  continuityPatients: continuityPatientsFromRollups,
  continuityTrend: continuityTrendFromRollups,
  contactShare: contactShareFromRollups,
  punctuality: punctualityFromRollups,
  urgentResponse: urgentResponseFromRollups,
  visitOutcomes: visitOutcomesFromRollups,
  workingTime: workingTimeFromRollups,
  plannedActual: plannedActualFromRollups,
  economics: economicsFromRollups,
};
