import type { LivePosition } from './position-bus.ts';

/**
 * Coalesces one municipality's positions per caregiver: a caregiver's first fix in a
 * while goes out at once, later ones at most one per `everyMs`, the newest winning. The
 * hub's tick sends those held back once their caregiver's interval has passed.
 */
export class PositionThrottle {
  /** Staff id → when their last position was sent. */
  private readonly sentAt = new Map<string, number>();
  private readonly held = new Map<string, LivePosition>();

  constructor(
    private readonly everyMs: number,
    private readonly now: () => number,
    private readonly send: (p: LivePosition) => void,
  ) {}

  offer(p: LivePosition): void {
    const held = this.held.get(p.staffId);
    if (held && held.at > p.at) return; // a late, older fix never replaces a newer one
    const t = this.now();
    const last = this.sentAt.get(p.staffId);
    if (last === undefined || t - last >= this.everyMs) {
      this.held.delete(p.staffId);
      this.sentAt.set(p.staffId, t);
      this.send(p);
    } else {
      this.held.set(p.staffId, p);
    }
  }

  tick(): void {
    const t = this.now();
    for (const [staffId, p] of this.held) {
      if (t - this.sentAt.get(staffId)! < this.everyMs) continue;
      this.held.delete(staffId);
      this.sentAt.set(staffId, t);
      this.send(p);
    }
    // Caregivers quiet for a while are forgotten: the map stays the size of those moving.
    for (const [staffId, at] of this.sentAt)
      if (t - at >= this.everyMs && !this.held.has(staffId)) this.sentAt.delete(staffId);
  }
}
