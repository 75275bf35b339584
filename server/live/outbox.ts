import { POSITION_EVENT, SHEDDABLE_EVENT_PREFIXES, type ServerMessage } from './protocol.ts';
import type { LiveSocket } from './socket.ts';

export interface OutboxLimits {
  /** Above this many buffered bytes the socket counts as congested and messages queue here. */
  highWaterBytes: number;
  maxQueuedMessages: number;
  maxQueuedBytes: number;
}

/** How a message may be treated while the socket is congested. */
export type Delivery = { kind: 'essential' } | { kind: 'shed' } | { kind: 'coalesce'; key: string };

/** Positions: only the newest per staff member matters. Metrics/ETAs: recomputed from other events. */
export function classify(msg: ServerMessage): Delivery {
  if (msg.type === 'pong') return { kind: 'coalesce', key: 'pong' };
  if (msg.type === 'position')
    return { kind: 'coalesce', key: `fix:${msg.municipality}:${msg.staffId}` };
  if (msg.type !== 'event') return { kind: 'essential' };
  if (msg.eventType === POSITION_EVENT) {
    const staffId = (msg.payload as { staffId?: unknown } | null)?.staffId;
    if (typeof staffId === 'string')
      return { kind: 'coalesce', key: `pos:${msg.municipality}:${staffId}` };
  }
  if (SHEDDABLE_EVENT_PREFIXES.some((p) => msg.eventType.startsWith(p))) return { kind: 'shed' };
  return { kind: 'essential' };
}

interface Entry {
  text: string;
  key: string | null;
  dropped: boolean;
}

/**
 * A connection's bounded send queue. Sends straight through while the socket keeps up;
 * when its buffered amount is above the high-water mark, queues, coalescing and shedding
 * as `classify` allows. The hub's tick flushes it and closes a consumer that stays behind.
 */
export class Outbox {
  private queue: Entry[] = [];
  private head = 0;
  private live = 0;
  private bytes = 0;
  private readonly byKey = new Map<string, Entry>();
  /** When the queue last went from empty to non-empty; null while empty. */
  congestedSince: number | null = null;

  constructor(
    private readonly socket: LiveSocket,
    private readonly limits: OutboxLimits,
    private readonly now: () => number,
  ) {}

  /**
   * False when the queue is over its bounds: the consumer is too slow to keep. `text` is
   * `msg` serialized, when the caller has it already.
   */
  push(msg: ServerMessage, text: string = JSON.stringify(msg)): boolean {
    if (this.live === 0 && this.socket.bufferedAmount < this.limits.highWaterBytes) {
      this.socket.send(text);
      return true;
    }
    const delivery = classify(msg);
    if (delivery.kind === 'shed') return true;
    const key = delivery.kind === 'coalesce' ? delivery.key : null;
    if (key !== null) {
      const older = this.byKey.get(key);
      if (older) this.drop(older);
    }
    const entry: Entry = { text, key, dropped: false };
    this.queue.push(entry);
    if (key !== null) this.byKey.set(key, entry);
    this.live += 1;
    this.bytes += text.length;
    this.congestedSince ??= this.now();
    return this.live <= this.limits.maxQueuedMessages && this.bytes <= this.limits.maxQueuedBytes;
  }

  /** Sends queued messages while the socket has room. */
  flush(): void {
    if (this.head === this.queue.length) return; // nothing queued: the common case, every tick
    while (this.head < this.queue.length) {
      if (this.socket.bufferedAmount >= this.limits.highWaterBytes) break;
      const entry = this.queue[this.head++];
      if (entry.dropped) continue;
      this.drop(entry);
      this.socket.send(entry.text);
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
      this.congestedSince = null;
    } else if (this.head > 1024) {
      this.queue = this.queue.slice(this.head); // keep the array from growing without end
      this.head = 0;
    }
  }

  get size(): number {
    return this.live;
  }

  private drop(entry: Entry): void {
    entry.dropped = true;
    this.live -= 1;
    this.bytes -= entry.text.length;
    if (entry.key !== null && this.byKey.get(entry.key) === entry) this.byKey.delete(entry.key);
  }
}
