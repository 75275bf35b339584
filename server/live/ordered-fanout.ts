import type { BusSubscription, LiveEvent } from './event-bus.ts';
import type { EventStore } from './event-store.ts';

export interface FanoutOptions {
  /** Largest gap read back from the table; beyond it the fan-out jumps ahead (consumers see the gap by seq and resync). */
  maxCatchUp?: number;
  /** Events held while an earlier one is missing; beyond it they are read back from the table. */
  maxHeld?: number;
  onError?: (err: unknown, municipalityCode: string) => void;
  /**
   * How often the buses ask the log for news nobody announced (a publish lost to a crash
   * right after commit, a NOTIFY lost with its connection); 0 turns it off. Default 10 s.
   */
  pollMs?: number;
}

type Listener = (event: LiveEvent) => void;

interface Channel {
  listeners: Set<Listener>;
  /** Last seq emitted; null until read from the table on the first subscription. */
  last: number | null;
  /** Highest seq known to be committed. */
  target: number;
  /** Events announced with their content, waiting for their turn. */
  held: Map<number, LiveEvent>;
  pumping: boolean;
  /** Settles once `last` is known. */
  ready: Promise<void>;
}

/**
 * Per municipality, emits each committed event once and in seq order, however the
 * announcements arrive (late, twice, out of order, or as a bare seq): a missing event is
 * read from the events table, whose seqs are gapless. Both buses are built on this.
 */
export class OrderedFanout {
  private readonly channels = new Map<string, Channel>();
  private readonly maxCatchUp: number;
  private readonly maxHeld: number;

  constructor(
    private readonly store: EventStore,
    private readonly options: FanoutOptions = {},
  ) {
    this.maxCatchUp = options.maxCatchUp ?? 1000;
    this.maxHeld = options.maxHeld ?? 10_000;
  }

  subscribe(municipalityCode: string, listener: Listener): BusSubscription {
    const channel = this.channels.get(municipalityCode) ?? this.open(municipalityCode);
    const entry: Listener = (e) => listener(e); // a listener added twice is two subscriptions
    channel.listeners.add(entry);
    return {
      ready: channel.ready,
      unsubscribe: () => {
        channel.listeners.delete(entry);
        if (channel.listeners.size === 0 && this.channels.get(municipalityCode) === channel)
          this.channels.delete(municipalityCode);
      },
    };
  }

  /** A committed event (with its content when known locally) or just its seq. */
  offer(municipalityCode: string, seq: number, event?: LiveEvent): Promise<void> {
    const ch = this.channels.get(municipalityCode);
    if (!ch) return Promise.resolve(); // nobody here listens to it
    ch.target = Math.max(ch.target, seq);
    if (event && (ch.last === null || seq > ch.last)) {
      if (ch.held.size >= this.maxHeld) ch.held.clear(); // the table has them all
      const { type, payload, at } = event; // exactly a LiveEvent, whatever the publisher passed
      ch.held.set(seq, { municipalityCode, seq, type, payload, at });
    }
    return this.pump(municipalityCode, ch);
  }

  /** Municipalities with listeners. */
  municipalities(): string[] {
    return [...this.channels.keys()];
  }

  /** Reads each followed municipality's last seq and emits whatever was not announced. */
  async catchUp(): Promise<void> {
    await Promise.all(
      this.municipalities().map(async (code) => {
        try {
          await this.offer(code, await this.store.currentSeq(code));
        } catch (err) {
          this.options.onError?.(err, code);
        }
      }),
    );
  }

  /** Runs catchUp every `pollMs`; returns the stop function. */
  poll(): () => void {
    const ms = this.options.pollMs ?? 10_000;
    if (ms <= 0) return () => {};
    const timer = setInterval(() => void this.catchUp(), ms).unref();
    return () => clearInterval(timer);
  }

  /** A new channel learns the current seq first: only events after it are news. */
  private open(code: string): Channel {
    const ch: Channel = {
      listeners: new Set(),
      last: null,
      target: 0,
      held: new Map(),
      pumping: false,
      ready: Promise.resolve(),
    };
    this.channels.set(code, ch);
    ch.ready = this.store.currentSeq(code).then(
      (current) => {
        ch.last = current;
        ch.target = Math.max(ch.target, current);
        void this.pump(code, ch);
      },
      (err: unknown) => {
        if (this.channels.get(code) === ch) this.channels.delete(code); // the next subscriber retries
        this.options.onError?.(err, code);
        throw err;
      },
    );
    ch.ready.catch(() => {}); // subscribers see the rejection; this copy must not go unhandled
    return ch;
  }

  private async pump(code: string, ch: Channel): Promise<void> {
    if (ch.pumping || ch.last === null) return;
    ch.pumping = true;
    try {
      while (ch.last < ch.target && this.channels.get(code) === ch) {
        const next = ch.held.get(ch.last + 1);
        if (next) {
          ch.held.delete(next.seq);
          this.emit(ch, next);
          continue;
        }
        // Far behind (e.g. after an outage): skip what consumers will resync from the table anyway.
        if (ch.target - ch.last > this.maxCatchUp) ch.last = ch.target - this.maxCatchUp;
        const rows = await this.store.readAfter(code, ch.last, ch.target - ch.last);
        let progressed = false;
        for (const row of rows) {
          if (row.seq !== ch.last + 1) break;
          ch.held.delete(row.seq);
          this.emit(ch, row);
          progressed = true;
        }
        if (!progressed) break; // not visible yet: the next announcement retries
      }
      for (const seq of ch.held.keys()) if (seq <= ch.last) ch.held.delete(seq);
    } catch (err) {
      this.options.onError?.(err, code);
    } finally {
      ch.pumping = false;
    }
  }

  private emit(ch: Channel, event: LiveEvent): void {
    ch.last = event.seq;
    for (const listener of ch.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.options.onError?.(err, event.municipalityCode);
      }
    }
  }
}
