/**
 * What the console keeps of a municipality. The REST types come from the OpenAPI document;
 * the snapshot's `state` is `unknown` in the live protocol, so its shape is written here
 * as server/live/snapshot.ts builds it (Dates arrive as ISO strings).
 */
import type { Schemas } from '../api/client.ts';
import type { SnapshotPosition } from '../live/protocol.ts';

type Visit = Schemas['Visit'];
export type VisitStatus = Visit['status'];
export type VisitPriority = Visit['priority'];
export type TaskType = Visit['taskTypes'][number];
export type Profession = Visit['requiredProfession'];
export type LateRiskAlert = Schemas['LateRiskAlert'];

export interface ConsoleVisit {
  id: string;
  status: VisitStatus;
  priority: VisitPriority;
  windowStart: string;
  windowEnd: string;
  durationMinutes: number;
  taskTypes: TaskType[];
  requiredProfession: Profession;
  staffCount: number;
  version: number;
  /** Who is planned to start it when (two for a two-person visit). */
  assignees: Assignee[];
}

export interface Assignee {
  staffId: string;
  plannedStart: string;
}

export interface ShiftRow {
  shiftId: string;
  kind: 'day' | 'evening' | 'night';
  startsAt: string;
  endsAt: string;
  staffId: string;
  name: string;
  profession: Profession;
  /** The caregiver's team (absent from older servers): the console's team choice. */
  teamId?: string;
}

/** The snapshot's state (server/live/snapshot.ts). */
export interface SnapshotState {
  serviceDay: { start: string; end: string };
  visits: (Omit<ConsoleVisit, 'assignees'> & { assignments: Assignee[] })[];
  shifts: ShiftRow[];
  /** Last known positions, newest logged fix of each in 30 min; absent from older servers. */
  positions?: SnapshotPosition[];
}

/** The `visit` of every visit.* event (server/visits/visit-state.ts). */
export interface VisitEventPayload {
  visit: Omit<ConsoleVisit, 'assignees'> & { assignees?: Assignee[] };
}
