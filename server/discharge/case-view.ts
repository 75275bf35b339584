import type { dischargeCases, dischargeMessages } from '../../db/schema/index.ts';
import { toLocalIso } from '../domain/stockholm-time.ts';
import { type Clock, dischargeClock } from './discharge-clock.ts';
import type { LiabilityRule } from './liability-settings.ts';
import type { ProposedVisit } from './propose-visits.ts';

type CaseRow = typeof dischargeCases.$inferSelect;
/** A case as read with its patient (case-queries.ts): the list needs no read per patient. */
export type CaseWithPatient = CaseRow & { patientName: string; locationConfirmed: boolean };
type MessageRow = typeof dischargeMessages.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const local = (d: Date | null) => (d ? toLocalIso(d) : null);

/** A case as the API shows it, with its clock now. */
export function caseView(row: CaseWithPatient, rule: LiabilityRule, now: Date) {
  const clock: Clock = dischargeClock(
    {
      readyAt: row.readyAt,
      dischargedAt: row.dischargedAt,
      cancelledAt: row.cancelledAt,
      sipNeeded: row.sipNeeded,
      now,
    },
    rule,
  );
  return {
    id: row.id,
    municipality: row.municipalityCode,
    stayId: row.stayId,
    patientId: row.patientId,
    patientName: row.patientName,
    locationConfirmed: row.locationConfirmed,
    status: row.status,
    hospital: row.hospital,
    ward: row.ward,
    careType: row.careType,
    sipNeeded: row.sipNeeded,
    needs: row.needs,
    expectedDischargeDate: row.expectedDischargeDate,
    readyAt: iso(row.readyAt),
    readyAtLocal: local(row.readyAt),
    plannedDischargeAt: iso(row.plannedDischargeAt),
    plannedDischargeAtLocal: local(row.plannedDischargeAt),
    dischargedAt: iso(row.dischargedAt),
    cancelledAt: iso(row.cancelledAt),
    visitsConfirmedAt: iso(row.visitsConfirmedAt),
    clock,
  };
}
export type CaseView = ReturnType<typeof caseView>;

/** Not repeated in the timeline's content: the case shows them (the patient's details too). */
const COMMON = new Set([
  'messageId',
  'kind',
  'sentAt',
  'municipality',
  'stayId',
  'patientId',
  'personalNumber',
  'patient',
]);

/**
 * The timeline in the order the messages arrived (the same instant: as sent), each with when it was sent and whether it
 * came late (after one the region sent later), and what it said.
 */
export function timelineView(messages: MessageRow[]) {
  const byArrival = [...messages].sort(
    (a, b) =>
      a.receivedAt.getTime() - b.receivedAt.getTime() ||
      a.sentAt.getTime() - b.sentAt.getTime() ||
      a.messageId.localeCompare(b.messageId),
  );
  let latestSent = -Infinity;
  return byArrival.map((m) => {
    const late = m.sentAt.getTime() < latestSent;
    latestSent = Math.max(latestSent, m.sentAt.getTime());
    const body = m.body as Record<string, unknown>;
    return {
      messageId: m.messageId,
      kind: m.kind,
      sentAt: m.sentAt.toISOString(),
      sentAtLocal: toLocalIso(m.sentAt),
      receivedAt: m.receivedAt.toISOString(),
      receivedAtLocal: toLocalIso(m.receivedAt),
      late,
      content: Object.fromEntries(Object.entries(body).filter(([k]) => !COMMON.has(k))),
    };
  });
}

/** Costing money first (the most liable days first), then the fewest days left, then no clock. */
export function byUrgency(a: CaseView, b: CaseView): number {
  const key = (v: CaseView) => v.clock.daysToLiability ?? Number.POSITIVE_INFINITY;
  return b.clock.liableDays - a.clock.liableDays || key(a) - key(b) || a.id.localeCompare(b.id);
}

export const proposedOf = (row: CaseRow): ProposedVisit[] =>
  Array.isArray(row.proposedVisits) ? (row.proposedVisits as ProposedVisit[]) : [];
