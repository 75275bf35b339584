import type { Principal } from '../auth/principal.ts';

/** What the hub needs of a socket: `ws` has it, tests fake it. */
export interface LiveSocket {
  send(data: string): void;
  close(code: number, reason: string): void;
  /** Bytes accepted by send() but not yet written to the network. */
  readonly bufferedAmount: number;
}

/** Token → who, or null when the token is unknown or expired (server/auth provides it). */
export type Authenticate = (token: string) => Promise<Principal | null>;

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
