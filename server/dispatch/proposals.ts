import { randomUUID } from 'node:crypto';

export interface ProposedAssignment {
  visitId: string;
  /** The version the proposal was computed from; accepting checks it. */
  expectedVersion: number;
  staffIds: string[];
  plannedStart: string;
  plannedStartLocal: string;
  /** Caregivers before, empty when the visit was unassigned. */
  previousStaffIds: string[];
}

export interface RepairProposal {
  id: string;
  municipalityCode: string;
  createdAt: string;
  expiresAt: string;
  assignments: ProposedAssignment[];
  /** Visits the repair could not place, with the solver's reason. */
  unplaced: { visitId: string; reason: string }[];
}

/**
 * Repair proposals live in this process's memory: they are cheap to recompute and go stale
 * within minutes anyway (every accepted change re-checks versions). Bounded and expiring.
 */
export class ProposalStore {
  private readonly byId = new Map<string, RepairProposal>();
  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly maxEntries = 100,
  ) {}

  add(p: Omit<RepairProposal, 'id' | 'createdAt' | 'expiresAt'>, now: Date): RepairProposal {
    this.prune(now);
    const proposal: RepairProposal = {
      ...p,
      id: randomUUID(),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.ttlMs).toISOString(),
    };
    this.byId.set(proposal.id, proposal);
    if (this.byId.size > this.maxEntries) this.byId.delete(this.byId.keys().next().value as string);
    return proposal;
  }

  get(id: string, now: Date): RepairProposal | undefined {
    this.prune(now);
    return this.byId.get(id);
  }

  /** Drops accepted items; the proposal goes when nothing is left. */
  remove(id: string, visitIds: Set<string>): void {
    const p = this.byId.get(id);
    if (!p) return;
    p.assignments = p.assignments.filter((a) => !visitIds.has(a.visitId));
    if (p.assignments.length === 0) this.byId.delete(id);
  }

  private prune(now: Date): void {
    for (const [id, p] of this.byId) if (new Date(p.expiresAt) <= now) this.byId.delete(id);
  }
}
