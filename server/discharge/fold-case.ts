import type {
  DischargeCareType,
  DischargeMessageKind,
  DischargeNeed,
  DischargeStatus,
} from '../../db/reference/discharge.ts';

/** A stored message as the fold reads it: instants are UTC ISO strings in `body`. */
export interface FoldMessage {
  messageId: string;
  kind: DischargeMessageKind;
  sentAt: Date;
  receivedAt: Date;
  body: Record<string, unknown>;
}

export interface CaseFields {
  status: DischargeStatus;
  hospital: string | null;
  ward: string | null;
  careType: DischargeCareType;
  sipNeeded: boolean;
  needs: DischargeNeed[];
  expectedDischargeDate: string | null;
  readyAt: Date | null;
  plannedDischargeAt: Date | null;
  dischargedAt: Date | null;
  cancelledAt: Date | null;
}

/** The order the region meant: by when it sent them; ties by arrival, then id. */
export const sentOrder = (a: FoldMessage, b: FoldMessage) =>
  a.sentAt.getTime() - b.sentAt.getTime() ||
  a.receivedAt.getTime() - b.receivedAt.getTime() ||
  a.messageId.localeCompare(b.messageId);

const DETAIL_FIELDS = [
  'hospital',
  'ward',
  'careType',
  'sipNeeded',
  'needs',
  'expectedDischargeDate',
] as const;

/**
 * A case's fields from all its messages, applied in the order they were sent: so a message
 * that arrives late (an older update after a newer one) takes its place in the history and
 * overwrites nothing newer, and a ready-for-discharge before its admission notice still makes
 * a case. A new admission or ready-for-discharge after a cancellation reopens the case.
 */
export function foldCase(messages: FoldMessage[]): CaseFields {
  const f: CaseFields = {
    status: 'admitted',
    hospital: null,
    ward: null,
    careType: 'somatic',
    sipNeeded: false,
    needs: [],
    expectedDischargeDate: null,
    readyAt: null,
    plannedDischargeAt: null,
    dischargedAt: null,
    cancelledAt: null,
  };
  const instant = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
  for (const m of [...messages].sort(sentOrder)) {
    const b = m.body;
    switch (m.kind) {
      case 'admission':
      case 'update':
        for (const key of DETAIL_FIELDS)
          if (b[key] !== undefined) Object.assign(f, { [key]: b[key] });
        if (m.kind === 'admission') f.cancelledAt = null;
        break;
      case 'ready_for_discharge':
        f.readyAt = instant(b.readyAt);
        f.cancelledAt = null;
        break;
      case 'planned_discharge':
        f.plannedDischargeAt = instant(b.plannedDischargeAt);
        break;
      case 'discharged':
        f.dischargedAt = instant(b.dischargedAt);
        break;
      case 'cancelled':
        f.cancelledAt = m.sentAt;
        break;
    }
  }
  f.status = f.dischargedAt
    ? 'discharged'
    : f.cancelledAt
      ? 'cancelled'
      : f.readyAt
        ? 'ready'
        : 'admitted';
  return f;
}
