import type { LiveEvent } from './event-bus.ts';
import { encodeEvent } from './event-message.ts';
import { encodeSnapshot } from './snapshot-message.ts';
import type { EventStore } from './event-store.ts';
import type { LiveErrorCode, ServerMessage } from './protocol.ts';
import type { Snapshot } from './socket.ts';

export interface SubscriptionContext {
  store: EventStore;
  /**
   * The municipality's snapshot: a shared one when it reflects at least seq `atLeast`, else a
   * fresh read (which always does: `atLeast` is a seq already committed).
   */
  snapshot(atLeast: number): Promise<Snapshot | null>;
  /** Resume by replaying at most this many events; beyond, send a fresh snapshot. */
  maxBacklog: number;
  /** Live events held while catching up; beyond, they are read back from the table. */
  maxHeld: number;
  /** `text` is the message's JSON when already serialized (events: once per event). */
  send(msg: ServerMessage, text?: string): void;
  /** The subscription cannot go on (e.g. no such municipality): tell the client, drop it. */
  refuse(code: LiveErrorCode, message: string): void;
  /** Something broke (database down): the connection closes and the client resumes later. */
  crash(err: unknown): void;
}

/**
 * One connection's stream of one municipality: a snapshot or the missed events, then live
 * events, each seq once and in order. Live events that arrive while it catches up are held;
 * any gap (held ones dropped, a bus that skipped ahead) is read from the events table, and
 * a gap wider than maxBacklog becomes a fresh snapshot.
 */
export class Subscription {
  /** Last seq handed to the client. */
  private last = 0;
  private highestSeen = 0;
  private held: LiveEvent[] = [];
  private running = false;
  private needSnapshot = true;
  private cancelled = false;

  constructor(
    readonly code: string,
    private readonly ctx: SubscriptionContext,
  ) {}

  /**
   * Starts with a snapshot, or with the events after `lastSeq` when the log still has them,
   * once the bus is `ready` (follows the municipality), so no commit falls in between.
   * `emittedBefore`: the last seq the bus delivered before this subscription joined; a shared
   * snapshot may be older, and the events up to it are then read from the log.
   */
  start(lastSeq: number | undefined, ready: Promise<void>, emittedBefore = 0): void {
    this.highestSeen = Math.max(this.highestSeen, emittedBefore);
    void this.run(lastSeq, ready);
  }

  deliver(event: LiveEvent): void {
    if (this.cancelled) return;
    this.highestSeen = Math.max(this.highestSeen, event.seq);
    if (this.running) {
      if (this.held.length >= this.ctx.maxHeld) this.held = []; // highestSeen remembers them
      this.held.push(event);
    } else if (event.seq === this.last + 1) {
      this.emit(event);
    } else if (event.seq > this.last) {
      this.held.push(event);
      void this.run();
    }
  }

  /**
   * An ephemeral message (a position): no seq, so it goes straight out, once the client
   * has its snapshot or its resumed events.
   */
  sendLive(msg: ServerMessage, text: string): void {
    if (!this.cancelled && !this.needSnapshot) this.ctx.send(msg, text);
  }

  cancel(): void {
    this.cancelled = true;
    this.held = [];
  }

  private async run(resumeFrom?: number, ready?: Promise<void>): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await ready;
      if (this.cancelled) return;
      if (resumeFrom !== undefined) {
        const current = await this.ctx.store.currentSeq(this.code);
        if (this.cancelled) return;
        this.highestSeen = Math.max(this.highestSeen, current);
        // A lastSeq ahead of the log means another database or a reset: start afresh.
        if (resumeFrom <= current && current - resumeFrom <= this.ctx.maxBacklog) {
          this.last = resumeFrom;
          this.needSnapshot = false;
        }
      }
      while (!this.cancelled) {
        if (this.needSnapshot) {
          const snap = await this.ctx.snapshot(this.highestSeen);
          if (this.cancelled) return;
          if (!snap) {
            this.cancel();
            this.ctx.refuse('unknown_municipality', `No municipality ${this.code}`);
            return;
          }
          // A shared read that turned out too old to complete from the log: read again.
          if (this.highestSeen - snap.seq > this.ctx.maxBacklog) continue;
          this.ctx.send(
            { type: 'snapshot', municipality: this.code, seq: snap.seq, state: snap.state },
            encodeSnapshot(this.code, snap),
          );
          this.last = snap.seq;
          this.highestSeen = Math.max(this.highestSeen, snap.seq);
          this.needSnapshot = false;
        }
        while (this.held.length > 0 && this.held[0].seq <= this.last) this.held.shift();
        const next = this.held[0];
        if (next?.seq === this.last + 1) {
          this.held.shift();
          this.emit(next);
          continue;
        }
        const upTo = next ? next.seq - 1 : this.highestSeen;
        if (upTo <= this.last) break; // caught up: live from here
        if (upTo - this.last > this.ctx.maxBacklog) {
          this.needSnapshot = true;
          continue;
        }
        const rows = await this.ctx.store.readAfter(this.code, this.last, upTo - this.last);
        if (this.cancelled) return;
        if (rows[0]?.seq !== this.last + 1)
          throw new Error(`event ${this.last + 1} of municipality ${this.code} is not readable`);
        for (const row of rows) if (row.seq === this.last + 1) this.emit(row);
      }
    } catch (err) {
      this.cancel();
      this.ctx.crash(err);
    } finally {
      this.running = false;
    }
  }

  private emit(event: LiveEvent): void {
    this.last = event.seq;
    const { msg, text } = encodeEvent(event);
    this.ctx.send(msg, text);
  }
}
