import type { Db } from '../../db/client.ts';
import { type BoardScope } from './board-scope.ts';
import type { ContactShare } from './contact-share.ts';
import { type ContinuitySummary, continuityWindow } from './continuity.ts';
import { type FigureQueries, ROLLUPS } from './figure-queries.ts';
import type { PlannedActual } from './planned-actual.ts';
import type { Punctuality } from './punctuality.ts';
import type { UrgentResponse } from './urgent-response.ts';
import type { VisitOutcomes } from './visit-outcomes.ts';
import type { WorkingTime } from './working-time.ts';

/** The tiles of one municipality (or one of its teams) over a period. */
export interface BoardFigures {
  municipalityCode: string;
  teamId: string | null;
  period: { from: string; to: string; days: number };
  continuity: {
    /** The 14 days ending on the period's last day. */
    window: { from: string; to: string };
    overall: Omit<ContinuitySummary, 'municipalityCode' | 'teamId'>;
    teams: Omit<ContinuitySummary, 'municipalityCode'>[];
  };
  contactShare: Omit<ContactShare, 'municipalityCode' | 'day'>;
  punctuality: Omit<Punctuality, 'municipalityCode' | 'day'>;
  urgentResponse: Omit<UrgentResponse, 'municipalityCode' | 'day'>[];
  outcomes: Omit<VisitOutcomes, 'municipalityCode' | 'day'>;
  workingTime: Omit<WorkingTime, 'municipalityCode' | 'day'>;
  plannedActual: Omit<PlannedActual, 'municipalityCode' | 'day'>;
}

const strip = <T extends { municipalityCode: string; day?: string | null }>(r: T) => {
  const { municipalityCode: _m, day: _d, ...rest } = r;
  return rest;
};

/** The empty line of each figure, for a municipality or team with nothing in the period. */
export const EMPTY = {
  contactShare: { visits: 0, byContact: 0, share: null },
  punctuality: {
    started: 0,
    withinWindow: 0,
    share: null,
    buckets: { early: 0, onTime: 0, late1to15: 0, late16to30: 0, late31to60: 0, lateOver60: 0 },
  },
  outcomes: {
    visits: 0,
    done: 0,
    unplaced: 0,
    noAccess: 0,
    cancelled: 0,
    twoPerson: { done: 0, together: 0 },
    arrivalsPerPatientDay: null,
  },
  workingTime: {
    shifts: 0,
    shiftHours: 0,
    visitHours: 0,
    travelHours: 0,
    utilisation: null,
    travelShare: null,
    overtimeHours: 0,
    shiftsOverrun: 0,
  },
  plannedActual: {
    visits: 0,
    plannedMinutes: { mean: null },
    actualMinutes: { mean: null, median: null },
    overrunMinutes: { median: null, p90: null },
    travelMinutes: { mean: null, median: null },
    plannedTravelMinutes: { mean: null },
    travelOverrunMinutes: { visits: 0, median: null, p90: null },
  },
} as const;

/**
 * The figures of one municipality: each figure one query, run side by side, over the day
 * rollups (`q` = PLAIN: the reference SQL over the visits themselves).
 */
export async function boardFigures(
  db: Db,
  s: BoardScope,
  q: FigureQueries = ROLLUPS,
): Promise<BoardFigures> {
  const [m] = s.municipalities;
  await q.prepare(db, s);
  const [cont, contact, punct, urgent, outcomes, work, planned] = await Promise.all([
    q.continuitySummary(db, s),
    q.contactShare(db, s),
    q.punctuality(db, s),
    q.urgentResponse(db, s),
    q.visitOutcomes(db, s),
    q.workingTime(db, s),
    q.plannedActual(db, s),
  ]);
  const w = continuityWindow(s.period.to);
  const overall = cont.find((r) => r.teamId === null)!;
  return {
    municipalityCode: m,
    teamId: s.teamId,
    period: { from: s.period.from, to: s.period.to, days: s.period.days },
    continuity: {
      window: { from: w.first, to: s.period.to },
      overall: { patients: overall.patients, kolada: overall.kolada, allHours: overall.allHours },
      teams: cont.filter((r) => r.teamId !== null).map(({ municipalityCode: _m, ...rest }) => rest),
    },
    contactShare: contact[0] ? strip(contact[0]) : { ...EMPTY.contactShare },
    punctuality: punct[0] ? strip(punct[0]) : structuredClone(EMPTY.punctuality),
    urgentResponse: urgent.map(strip),
    outcomes: outcomes[0] ? strip(outcomes[0]) : structuredClone(EMPTY.outcomes),
    workingTime: work[0] ? strip(work[0]) : { ...EMPTY.workingTime },
    plannedActual: planned[0] ? strip(planned[0]) : structuredClone(EMPTY.plannedActual),
  };
}
