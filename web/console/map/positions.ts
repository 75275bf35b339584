/**
 * Caregivers' last known positions for the map: the live `position` messages (about one a
 * second each, never replayed) and the sampled `staff.position` events (one a minute, in
 * the log, so a resume brings them back), seeded from the snapshot's last known ones. The
 * newest fix per caregiver wins.
 */
import { signal } from '@preact/signals';
import type { EventMessage, PositionMessage, SnapshotMessage } from '../../live/protocol.ts';
import type { SnapshotState } from '../types.ts';

export interface StaffFix {
  staffId: string;
  lat: number;
  lon: number;
  /** ISO UTC time of the fix. */
  at: string;
  /** available, en_route, on_visit, break or off_duty (server/positions/schemas.ts). */
  status: string;
}

export class PositionStore {
  readonly fixes = signal<ReadonlyMap<string, StaffFix>>(new Map());

  apply(fix: StaffFix): void {
    const known = this.fixes.value.get(fix.staffId);
    if (known && Date.parse(known.at) > Date.parse(fix.at)) return; // an older fix arrived late
    const next = new Map(this.fixes.value);
    next.set(fix.staffId, {
      staffId: fix.staffId,
      lat: fix.lat,
      lon: fix.lon,
      at: fix.at,
      status: fix.status,
    });
    this.fixes.value = next;
  }

  /** The snapshot's last known positions, so the map has them before the next fix. */
  applySnapshot(message: SnapshotMessage): void {
    for (const fix of (message.state as SnapshotState).positions ?? []) this.apply(fix);
  }

  applyPosition(message: PositionMessage): void {
    this.apply(message);
  }

  applyEvent(message: EventMessage): void {
    if (message.eventType !== 'staff.position') return;
    const p = message.payload as Partial<StaffFix>;
    if (typeof p.staffId !== 'string' || typeof p.lat !== 'number' || typeof p.lon !== 'number')
      return;
    this.apply({
      staffId: p.staffId,
      lat: p.lat,
      lon: p.lon,
      at: typeof p.at === 'string' ? p.at : message.at,
      status: typeof p.status === 'string' ? p.status : 'available',
    });
  }
}
