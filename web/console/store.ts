/**
 * One municipality's console state, fed only by the live feed (snapshot, then events in
 * seq order) and the late-risk read at start. Views read its signals; nothing here decides
 * a business rule, it only keeps what the server said.
 */
import { batch, signal } from '@preact/signals';
import type { EventMessage, SnapshotMessage } from '../live/protocol.ts';
import type {
  Assignee,
  ConsoleVisit,
  LateRiskAlert,
  ShiftRow,
  SnapshotState,
  VisitEventPayload,
} from './types.ts';

export class ConsoleStore {
  readonly visits = signal<ReadonlyMap<string, ConsoleVisit>>(new Map());
  readonly shifts = signal<readonly ShiftRow[]>([]);
  readonly sick = signal<ReadonlySet<string>>(new Set());
  /** Alerts by visit; one for an older version of the visit no longer applies. */
  readonly lateRisks = signal<ReadonlyMap<string, LateRiskAlert>>(new Map());
  readonly loaded = signal(false);

  /** Called for each urgent visit that arrives live (or new in a snapshot after a drop). */
  onNewUrgent: (visit: ConsoleVisit) => void = () => {};

  applySnapshot(message: SnapshotMessage): void {
    const state = message.state as SnapshotState;
    // A fresh snapshot after a long drop: the urgent visits it brings are news too.
    const before = this.loaded.peek() ? this.visits.peek() : null;
    const visits = new Map<string, ConsoleVisit>();
    for (const { assignments, ...v } of state.visits)
      visits.set(v.id, { ...v, assignees: assignments.map(assignee) });
    batch(() => {
      this.visits.value = visits;
      this.shifts.value = state.shifts;
      this.loaded.value = true;
    });
    if (before)
      for (const v of visits.values())
        if (!before.has(v.id) && v.priority !== 'planned') this.onNewUrgent(v);
  }

  applyEvent(message: EventMessage): void {
    const type = message.eventType;
    if (type === 'visit.late_risk') {
      this.addLateRisks([message.payload as LateRiskAlert]);
    } else if (type.startsWith('visit.')) {
      const { visit } = message.payload as VisitEventPayload;
      if (!visit?.id) return;
      const known = this.visits.value.get(visit.id);
      if (known && known.version > visit.version) return;
      const next: ConsoleVisit = { ...visit, assignees: (visit.assignees ?? []).map(assignee) };
      const visits = new Map(this.visits.value);
      visits.set(next.id, next);
      this.visits.value = visits;
      if (!known && next.priority !== 'planned') this.onNewUrgent(next);
    } else if (type === 'staff.sick') {
      const { staffId } = message.payload as { staffId: string };
      this.sick.value = new Set(this.sick.value).add(staffId);
    }
  }

  addLateRisks(alerts: LateRiskAlert[]): void {
    if (alerts.length === 0) return;
    const next = new Map(this.lateRisks.value);
    for (const a of alerts) next.set(a.visitId, a);
    this.lateRisks.value = next;
  }
}

/** Only what the console uses of an assignment (the snapshot's carry a route order too). */
const assignee = (a: Assignee): Assignee => ({ staffId: a.staffId, plannedStart: a.plannedStart });
