import type { Db } from '../../db/client.ts';
import { municipalities } from '../../db/schema/index.ts';
import type { BusSubscription, EventBus, LiveEvent } from '../live/event-bus.ts';
import { createLogger, type Logger } from '../logger.ts';
import { loadMunicipalityState } from './load-state.ts';
import type { MunicipalityState } from './municipality-state.ts';
import type { LiveVisit } from './types.ts';

export interface LiveStateDeps {
  db: Db;
  bus: EventBus;
  now: () => Date;
  logger?: Logger;
  /** Read everything again this often: the loaded period slides with the clock. */
  refreshMs?: number;
}

/**
 * What changed in the state of a municipality: read (again), or an event applied. A copy
 * that starts from the state read and applies the same events stays equal to it.
 */
export type LiveStateChange =
  | { kind: 'read'; code: string; state: MunicipalityState }
  | { kind: 'applied'; code: string; event: LiveEvent };
export type LiveStateObserver = (change: LiveStateChange) => void;

interface Entry {
  state: MunicipalityState | null;
  /** Events that arrived while a reload ran, applied on top of what it read. */
  pending: LiveEvent[] | null;
  subscription: BusSubscription;
}

const DEFAULT_REFRESH_MS = 10 * 60_000;
/** Reads again when what was read is already behind its own events (a busy writer). */
const MAX_RELOAD_ROUNDS = 5;

/**
 * Every municipality's live state in this process's memory, read from the database at
 * start and kept current by the committed events of the bus (from every process), in seq
 * order. A gap, a re-planned day or a malformed event makes it read that municipality
 * again; readers keep the previous state meanwhile, still following events.
 */
export class LiveState {
  private readonly entries = new Map<string, Entry>();
  private readonly observers = new Set<LiveStateObserver>();
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly deps: LiveStateDeps) {
    this.logger = deps.logger ?? createLogger('silent');
  }

  /** Follows and reads every municipality (or those given); resolves when all are read. */
  async start(codes?: string[]): Promise<void> {
    const all =
      codes ??
      (await this.deps.db.select({ code: municipalities.code }).from(municipalities)).map(
        (m) => m.code,
      );
    for (const code of all) await this.follow(code);
    const every = this.deps.refreshMs ?? DEFAULT_REFRESH_MS;
    if (every > 0) {
      this.timer = setInterval(() => void this.refreshAll(), every);
      this.timer.unref();
    }
  }

  /** The state as of the last applied event, or undefined for a municipality not followed. */
  get(code: string): MunicipalityState | undefined {
    return this.entries.get(code)?.state ?? undefined;
  }

  /** A visit of the loaded period in any municipality followed here. */
  visit(id: string): LiveVisit | undefined {
    for (const e of this.entries.values()) {
      const v = e.state?.visits.get(id);
      if (v) return v;
    }
    return undefined;
  }

  /**
   * Calls `observer` on every change from now on, synchronously, in order; returns the
   * function that stops it. A municipality already read is reported as read at once.
   */
  observe(observer: LiveStateObserver): () => void {
    this.observers.add(observer);
    for (const [code, e] of this.entries)
      if (e.state) observer({ kind: 'read', code, state: e.state });
    return () => this.observers.delete(observer);
  }

  private notify(change: LiveStateChange): void {
    for (const o of this.observers) {
      try {
        o(change);
      } catch (err) {
        this.logger.error('live state: an observer failed', { err });
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const e of this.entries.values()) e.subscription.unsubscribe();
    this.entries.clear();
  }

  private async follow(code: string): Promise<void> {
    if (this.entries.has(code)) return;
    const subscription = this.deps.bus.subscribe(code, (e) => this.onEvent(code, e));
    const entry: Entry = { state: null, pending: [], subscription };
    this.entries.set(code, entry);
    await subscription.ready;
    await this.reload(code, entry, 'start');
  }

  private onEvent(code: string, event: LiveEvent): void {
    const entry = this.entries.get(code);
    if (!entry) return;
    if (entry.pending) entry.pending.push(event);
    const result = entry.state?.apply(event);
    if (result === 'applied') this.notify({ kind: 'applied', code, event });
    if (result === 'reload' && !entry.pending) {
      entry.pending = [event];
      void this.reload(code, entry, `${event.type} at seq ${event.seq}`);
    }
  }

  private async refreshAll(): Promise<void> {
    for (const [code, entry] of this.entries) {
      if (this.closed) return;
      if (entry.pending) continue; // already reading it
      entry.pending = [];
      await this.reload(code, entry, 'refresh');
    }
  }

  /** Reads the municipality, then applies what arrived meanwhile; `entry.pending` is set. */
  private async reload(code: string, entry: Entry, reason: string): Promise<void> {
    const started = performance.now();
    try {
      for (let round = 0; round < MAX_RELOAD_ROUNDS && !this.closed; round++) {
        const state = await loadMunicipalityState(this.deps.db, code, this.deps.now());
        if (!state) {
          this.logger.warn('live state: no such municipality', { municipality: code });
          break;
        }
        const pending = (entry.pending ?? []).sort((a, b) => a.seq - b.seq);
        if (pending.every((e) => state.apply(e) !== 'reload')) {
          entry.state = state;
          this.notify({ kind: 'read', code, state });
          // Reading a municipality again costs a pause at Stockholm size: say why it happened.
          const fields = {
            municipality: code,
            reason,
            ms: Math.round(performance.now() - started),
          };
          if (reason === 'start' || reason === 'refresh')
            this.logger.debug('live state read', fields);
          else this.logger.info('live state read again', fields);
          break;
        }
        entry.pending = [];
      }
    } catch (err) {
      this.logger.error('live state: reading the municipality failed', { municipality: code, err });
    } finally {
      entry.pending = null;
    }
  }
}
