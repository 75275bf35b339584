import { inMunicipalityScope, type Principal } from '../auth/principal.ts';
import { createLogger, type Logger } from '../logger.ts';
import { Connection, type ConnectionHost } from './connection.ts';
import type { BusSubscription, EventBus, LiveEvent } from './event-bus.ts';
import type { EventStore } from './event-store.ts';
import { type DeliverySummary, DeliveryTiming } from './delivery-timing.ts';
import { DEFAULT_LIMITS, type HubLimits } from './limits.ts';
import type { LivePosition, PositionBus } from './position-bus.ts';
import { PositionThrottle } from './position-throttle.ts';
import { CloseCode, type PositionMessage } from './protocol.ts';
import { SharedSnapshot } from './shared-snapshot.ts';
import {
  type Authenticate,
  type LiveSession,
  type LiveSocket,
  realTimers,
  type SnapshotProvider,
  type Timers,
} from './socket.ts';
import { Subscription } from './subscription.ts';

export interface HubDeps {
  bus: EventBus;
  /** The events table, for resumes and gaps. */
  store: EventStore;
  /** Every caregiver position, from any process; coalesced here per `positionEveryMs`. */
  positions?: PositionBus;
  snapshotProvider: SnapshotProvider;
  logger?: Logger;
  /** Milliseconds clock; tests pin it. */
  now?: () => number;
  /** Tests pass timers that never fire and call `tick()` themselves. */
  timers?: Timers;
  limits?: Partial<HubLimits>;
  /**
   * Who may follow a municipality. Default: in scope, and not a caregiver — events cover
   * the whole municipality, and a caregiver may see only their own route (PDL).
   */
  canFollow?: (principal: Principal, municipalityCode: string) => boolean;
}

/** What `GET /api/live/stats` reports for this process. */
export interface LiveStats {
  connections: number;
  /** Municipalities followed by at least one subscription here. */
  municipalities: number;
  /** Messages waiting in the send queues of congested sockets. */
  queued: number;
  delivery: DeliverySummary;
}

/** The transport's handle on one connection. */
export interface HubConnection {
  /** A frame's text, or null for a binary frame. */
  receive(frame: string | null): void;
  /** The socket has closed (either side). */
  closed(): void;
}

const defaultCanFollow = (p: Principal, code: string) =>
  p.role !== 'caregiver' && inMunicipalityScope(p, code);

interface Topic {
  subs: Set<Subscription>;
  bus: BusSubscription;
  /** The last seq delivered to the subscriptions (0 before the first). */
  last: number;
  snapshot: SharedSnapshot;
  positions: PositionThrottle;
  stopPositions: () => void;
}

/**
 * Connects sockets to the event bus, knowing nothing of the transport: one bus subscription
 * per municipality followed here, fanned out to each connection's Subscription.
 */
export class LiveHub {
  readonly limits: HubLimits;
  private readonly connections = new Set<Connection>();
  private readonly topics = new Map<string, Topic>();
  private readonly timer: unknown;
  private readonly timers: Timers;
  private readonly host: ConnectionHost;
  private closing = false;
  /** Grows with every `revalidate()`. */
  private epoch = 0;
  private revalidation: Promise<void> | null = null;
  private revalidateAgain = false;
  /** Since this process started: how long events took to reach the sockets. */
  private readonly timing = new DeliveryTiming();

  constructor(private readonly deps: HubDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.timers = deps.timers ?? realTimers;
    const now = deps.now ?? Date.now;
    const logger = deps.logger ?? createLogger('silent');
    this.host = {
      limits: this.limits,
      now,
      logger,
      canFollow: deps.canFollow ?? defaultCanFollow,
      follow: (conn, code, lastSeq) => this.follow(conn, code, lastSeq, logger),
      unfollow: (sub) => this.unfollow(sub),
      forget: (conn) => this.connections.delete(conn),
      authEpoch: () => this.epoch,
    };
    this.timer = this.timers.setInterval(() => this.tick(), this.limits.tickMs);
  }

  connect(socket: LiveSocket, options: { authenticate: Authenticate }): HubConnection {
    const conn = new Connection(socket, options.authenticate, this.host);
    if (this.closing) conn.close(CloseCode.goingAway, 'server shutting down');
    else if (this.connections.size >= this.limits.maxConnections)
      conn.close(CloseCode.tryAgainLater, 'too many connections');
    else this.connections.add(conn);
    return { receive: (frame) => conn.receive(frame), closed: () => conn.closed() };
  }

  /** Flushes send queues and enforces timeouts; runs every `tickMs`. */
  tick(): void {
    for (const topic of this.topics.values()) topic.positions.tick();
    for (const conn of [...this.connections]) conn.tick();
  }

  /**
   * Sessions may have ended (log-out, a disabled user: PrincipalCache.onInvalidate, in every
   * process): checks each socket's token again and closes those whose session ended with
   * `sessionEnded`. Calls during a pass are folded into one more pass after it.
   */
  revalidate(): Promise<void> {
    this.epoch++;
    if (this.revalidation) {
      this.revalidateAgain = true;
      return this.revalidation;
    }
    this.revalidation = this.revalidateAll().finally(() => (this.revalidation = null));
    return this.revalidation;
  }

  private async revalidateAll(): Promise<void> {
    let failed: boolean;
    do {
      this.revalidateAgain = false;
      const pass = new Map<string, Promise<LiveSession | null>>();
      const ok = await Promise.all([...this.connections].map((c) => c.revalidate(pass)));
      failed = ok.includes(false);
    } while (this.revalidateAgain);
    // A check failed (database unreachable): try again shortly rather than trust the old session.
    if (failed && !this.closing) setTimeout(() => void this.revalidate(), 1000).unref();
  }

  stats(): LiveStats {
    let queued = 0;
    for (const conn of this.connections) queued += conn.queued;
    return {
      connections: this.connections.size,
      municipalities: this.topics.size,
      queued,
      delivery: this.timing.summary(),
    };
  }

  /** Closes every connection with `goingAway` (clients resume elsewhere or later). */
  async close(): Promise<void> {
    this.closing = true;
    this.timers.clearInterval(this.timer);
    for (const conn of [...this.connections])
      conn.close(CloseCode.goingAway, 'server shutting down');
  }

  private follow(conn: Connection, code: string, lastSeq: number | undefined, logger: Logger) {
    const topic = this.topics.get(code) ?? this.openTopic(code);
    const sub = new Subscription(code, {
      store: this.deps.store,
      snapshot: (atLeast) => topic.snapshot.get(Math.max(atLeast, topic.last)),
      maxBacklog: this.limits.maxBacklog,
      maxHeld: this.limits.maxHeldEvents,
      send: (msg, text) => conn.send(msg, text),
      refuse: (errCode, message) => {
        this.unfollow(sub);
        conn.dropped(sub);
        conn.error(errCode, message, code);
      },
      crash: (err) => {
        logger.error('live subscription failed', { municipality: code, err });
        conn.error('unavailable', `Live updates of ${code} failed; resume with lastSeq`, code);
        conn.close(CloseCode.internalError, 'live updates failed');
      },
    });
    // The bus follows the municipality before the log or snapshot is read: nothing falls between.
    topic.subs.add(sub);
    sub.start(lastSeq, topic.bus.ready, topic.last);
    return sub;
  }

  private openTopic(code: string): Topic {
    const subs = new Set<Subscription>();
    const topic: Topic = {
      subs,
      bus: this.deps.bus.subscribe(code, (event: LiveEvent) => {
        topic.last = event.seq;
        if (subs.size === 0) return;
        const at = Date.parse(event.at);
        this.timing.event();
        for (const s of subs) {
          s.deliver(event);
          this.timing.record(this.host.now() - at);
        }
      }),
      last: 0,
      snapshot: new SharedSnapshot(
        code,
        this.deps.snapshotProvider,
        this.host.now,
        this.limits.snapshotShareMs,
      ),
      positions: new PositionThrottle(this.limits.positionEveryMs, this.host.now, (p) =>
        sendPosition(subs, p),
      ),
      stopPositions: () => {},
    };
    if (this.deps.positions)
      topic.stopPositions = this.deps.positions.subscribe(code, (p) => topic.positions.offer(p));
    this.topics.set(code, topic);
    return topic;
  }

  private unfollow(sub: Subscription): void {
    sub.cancel();
    const topic = this.topics.get(sub.code);
    if (!topic || !topic.subs.delete(sub)) return;
    if (topic.subs.size === 0) {
      topic.bus.unsubscribe();
      topic.stopPositions();
      this.topics.delete(sub.code);
    }
  }
}

/** One position to every subscription of its municipality, serialized once. */
function sendPosition(subs: Set<Subscription>, p: LivePosition): void {
  const msg: PositionMessage = {
    type: 'position',
    municipality: p.municipalityCode,
    staffId: p.staffId,
    lat: p.lat,
    lon: p.lon,
    at: p.at,
    status: p.status,
  };
  const text = JSON.stringify(msg);
  for (const s of subs) s.sendLive(msg, text);
}
