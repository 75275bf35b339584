import type { Principal } from '../auth/principal.ts';

/** What the hub needs of a socket: `ws` has it, tests fake it. */
export interface LiveSocket {
  send(data: string): void;
  close(code: number, reason: string): void;
  /** Bytes accepted by send() but not yet written to the network. */
  readonly bufferedAmount: number;
}

/** Who a token belongs to, and when its session ends (ms since the epoch). */
export interface LiveSession {
  principal: Principal;
  expiresAt: number;
}

/**
 * Token → its session, or null when the token is unknown, expired or revoked (server/auth's
 * authenticateSession). Asked at hello, and again whenever sessions may have ended.
 */
export type Authenticate = (token: string) => Promise<LiveSession | null>;

export interface Snapshot {
  /** The municipality's last seq reflected in `state`, read consistently with it. */
  seq: number;
  state: unknown;
}

/** Current state of a municipality; null when there is no such municipality. */
export type SnapshotProvider = (municipalityCode: string) => Promise<Snapshot | null>;

/** Interval timers, injectable so tests drive the hub's tick by hand. */
export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimers: Timers = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};
