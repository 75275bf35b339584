import { MAX_CLIENT_FRAME_BYTES } from './protocol.ts';

/** Every bound of the live hub in one place; the defaults suit a dispatcher console. */
export interface HubLimits {
  /** Told to clients in welcome: how often to ping. */
  heartbeatMs: number;
  /** A connection that sends nothing (no ping) for this long is closed. */
  idleTimeoutMs: number;
  /** Time from connect to a successful hello. */
  handshakeTimeoutMs: number;
  /** How often the hub flushes queues and checks timeouts. */
  tickMs: number;
  /** At most one position message per caregiver per this, the newest (a dispatcher's map). */
  positionEveryMs: number;
  /** A resume replays at most this many events; older lastSeqs get a fresh snapshot. */
  maxBacklog: number;
  /** Live events held per subscription while it catches up. */
  maxHeldEvents: number;
  /**
   * A snapshot read for one subscriber also goes to those who subscribe within this time, as
   * long as no event has gone by (a read in progress is always shared).
   */
  snapshotShareMs: number;
  highWaterBytes: number;
  maxQueuedMessages: number;
  maxQueuedBytes: number;
  /** A send queue that has not emptied for this long marks a slow consumer. */
  slowConsumerMs: number;
  maxFrameBytes: number;
  /** Bad messages tolerated (each answered with an error) before the connection closes. */
  maxStrikes: number;
  maxSubscriptions: number;
  /** Connections per hub (per process); more are closed with tryAgainLater. */
  maxConnections: number;
  /** Frames accepted while the hello token is being checked. */
  maxPendingFrames: number;
}

export const DEFAULT_LIMITS: HubLimits = {
  heartbeatMs: 15_000,
  idleTimeoutMs: 45_000,
  handshakeTimeoutMs: 10_000,
  tickMs: 100,
  positionEveryMs: 1_000,
  maxBacklog: 1_000,
  maxHeldEvents: 2_000,
  snapshotShareMs: 2_000,
  highWaterBytes: 256 * 1024,
  maxQueuedMessages: 5_000,
  maxQueuedBytes: 16 * 1024 * 1024,
  slowConsumerMs: 10_000,
  maxFrameBytes: MAX_CLIENT_FRAME_BYTES,
  maxStrikes: 5,
  maxSubscriptions: 32,
  maxConnections: 5_000,
  maxPendingFrames: 16,
};
