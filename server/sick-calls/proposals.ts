import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { repairProposals } from '../../db/schema/index.ts';
import { Uuid } from '../http/schemas.ts';
import type { Tx } from '../events/append-events.ts';

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
 * Repair proposals in the database (repair_proposals), so that a dispatcher's acceptance may
 * reach any server process, not only the one that solved the repair. They expire after
 * `ttlMs`: a repair goes stale within minutes, and accepting re-checks every visit's version.
 */
export class ProposalStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  async add(
    p: Omit<RepairProposal, 'id' | 'createdAt' | 'expiresAt'>,
    now: Date,
  ): Promise<RepairProposal> {
    // The expired go when a new one comes: sick calls are few.
    await this.db.delete(repairProposals).where(lte(repairProposals.expiresAt, now));
    const [row] = await this.db
      .insert(repairProposals)
      .values({
        municipalityCode: p.municipalityCode,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.ttlMs),
        assignments: p.assignments,
        unplaced: p.unplaced,
      })
      .returning();
    return toProposal(row);
  }

  /** The proposal, if it exists and has not expired (any id string: no such proposal). */
  async get(id: string, now: Date, tx: Tx = this.db): Promise<RepairProposal | undefined> {
    if (!Uuid.safeParse(id).success) return undefined;
    const [row] = await tx
      .select()
      .from(repairProposals)
      .where(and(eq(repairProposals.id, id), gt(repairProposals.expiresAt, now)));
    return row ? toProposal(row) : undefined;
  }

  /** Drops accepted items, in the accepting transaction; the proposal goes when none is left. */
  async remove(id: string, visitIds: Set<string>, tx: Tx = this.db): Promise<void> {
    const [row] = await tx
      .select({ assignments: repairProposals.assignments })
      .from(repairProposals)
      .where(eq(repairProposals.id, id))
      .for('update');
    if (!row) return;
    const left = (row.assignments as ProposedAssignment[]).filter((a) => !visitIds.has(a.visitId));
    if (left.length === 0) await tx.delete(repairProposals).where(eq(repairProposals.id, id));
    else
      await tx.update(repairProposals).set({ assignments: left }).where(eq(repairProposals.id, id));
  }
}

function toProposal(row: typeof repairProposals.$inferSelect): RepairProposal {
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    assignments: row.assignments as ProposedAssignment[],
    unplaced: row.unplaced as RepairProposal['unplaced'],
  };
}
