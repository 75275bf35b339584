import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { staff } from '../../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import { parseInstant, rangeAround } from '../domain/stockholm-time.ts';
import type { ReportPositionInput } from './schemas.ts';
import { type CommandDeps, appendAndPublish } from '../commands/run-command.ts';

export interface StaffPosition {
  staffId: string;
  municipalityCode: string;
  lat: number;
  lon: number;
  at: Date;
  status: ReportPositionInput['status'];
}

/** A phone's fix older than this no longer says where the caregiver is. */
export const POSITION_MAX_AGE_MS = 30 * 60_000;

/**
 * Latest position per caregiver, in this process's memory (no table for it yet). Bounded:
 * the least recently reported entries go first. Every position kept goes to the observers:
 * createLive sends each one to the live clients of every process (coalesced per caregiver
 * per second); other processes' stores learn positions from the sampled 'staff.position'
 * events (see reportPosition).
 */
export class PositionStore {
  private readonly byStaff: LRUCache<string, StaffPosition>;
  private readonly observers = new Set<(p: StaffPosition) => void>();
  constructor(maxEntries = 10_000) {
    this.byStaff = new LRUCache({ max: maxEntries });
  }

  set(p: StaffPosition): void {
    const old = this.byStaff.peek(p.staffId);
    if (old && old.at > p.at) return; // a late, older fix never replaces a newer one
    this.byStaff.set(p.staffId, p);
    for (const observer of this.observers) observer(p);
  }

  /** Calls `observer` with every position kept from now on; returns the way to stop. */
  observe(observer: (p: StaffPosition) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** The position if it is no older than `maxAgeMs` at `now`. */
  get(staffId: string, now: Date, maxAgeMs = POSITION_MAX_AGE_MS): StaffPosition | undefined {
    const p = this.byStaff.peek(staffId); // peek: reading does not make a fix recent
    return p && now.getTime() - p.at.getTime() <= maxAgeMs ? p : undefined;
  }
}

export interface PositionDeps extends CommandDeps {
  /** Every fix goes here, and from here to the live clients (PositionStore.observe). */
  positions: PositionStore;
  /** At most one logged 'staff.position' event per caregiver per this (default 60 s). */
  persistEveryMs?: number;
}

const lastPersisted = new WeakMap<PositionStore, Map<string, number>>();

/**
 * A caregiver's phone reports where they are. Positions arrive every few seconds: each goes
 * into the store and so live (ephemeral, no seq), and only a sample — one per
 * caregiver per minute — becomes a 'staff.position' event in the log, so other processes and
 * reconnecting clients learn it without an event row per fix.
 */
export async function reportPosition(
  deps: PositionDeps,
  input: ReportPositionInput,
  /** The caregiver's row when the caller has just read it (a fix every few seconds). */
  known?: { municipalityCode: string; active: boolean },
): Promise<{ position: StaffPosition; logged: boolean }> {
  let at = deps.now();
  if (input.at !== undefined) {
    // A fix a device kept while offline, or a clock a little ahead: a day back, an hour ahead.
    const parsed = parseInstant(input.at, rangeAround(at, { hours: 24 }, { hours: 1 }));
    if (!parsed.ok) {
      throw new AppError(400, 'validation_failed', 'The request is not valid', [
        { field: 'body.at', message: parsed.message },
      ]);
    }
    at = parsed.value;
  }
  const [s] = known
    ? [known]
    : await deps.db
        .select({ municipalityCode: staff.municipalityCode, active: staff.active })
        .from(staff)
        .where(eq(staff.id, input.staffId));
  if (!s || !s.active) {
    throw new AppError(404, 'not_found', 'Caregiver not found', [
      { field: 'body.staffId', message: 'no such active caregiver' },
    ]);
  }
  const position: StaffPosition = { ...input, municipalityCode: s.municipalityCode, at };
  deps.positions.set(position);

  const every = deps.persistEveryMs ?? 60_000;
  const seen = lastPersisted.get(deps.positions) ?? new Map<string, number>();
  lastPersisted.set(deps.positions, seen);
  const last = seen.get(input.staffId);
  if (last !== undefined && at.getTime() - last < every) return { position, logged: false };
  seen.set(input.staffId, at.getTime());
  await appendAndPublish(deps, s.municipalityCode, 'staff.position', {
    staffId: input.staffId,
    lat: input.lat,
    lon: input.lon,
    at: at.toISOString(),
    status: input.status,
  });
  return { position, logged: true };
}
