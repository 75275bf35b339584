/**
 * One WebSocket to /ws for one municipality: hello with the token, subscribe, then a
 * snapshot and events in seq order. On a drop it reconnects with backoff and resumes from
 * the last seq it applied (the server replays what was missed, or sends a fresh snapshot);
 * an event at or below that seq is a duplicate and is skipped. The state is a signal, so
 * the page always shows it.
 */
import { signal } from '@preact/signals';
import {
  type ClientMessage,
  CloseCode,
  type EventMessage,
  type PositionMessage,
  PROTOCOL_VERSION,
  type ServerMessage,
  type SnapshotMessage,
  shouldReconnect,
} from './protocol.ts';

export type ConnectionState =
  | { kind: 'connecting' }
  /**
   * `resumed`: missed events replayed after a drop (null when none to tell); `refreshed`:
   * after a drop the server sent a fresh snapshot instead (lastSeq too old to replay).
   */
  | { kind: 'live'; resumed: number | null; refreshed?: boolean }
  | { kind: 'reconnecting'; attempt: number }
  | { kind: 'ended'; reason: 'session' | 'version' }
  /** The server refused the subscription (e.g. a municipality outside the scope). */
  | { kind: 'refused'; code: string };

export interface LiveHandlers {
  snapshot(message: SnapshotMessage): void;
  event(message: EventMessage): void;
  /** The session is over (log-out elsewhere, expiry): log in again. */
  sessionEnded(): void;
  /** A caregiver's latest position (no seq, never replayed): for the map. */
  position?(message: PositionMessage): void;
}

const MAX_BACKOFF_MS = 15_000;

export class LiveConnection {
  readonly state = signal<ConnectionState>({ kind: 'connecting' });
  private socket: WebSocket | null = null;
  private lastSeq: number | null = null;
  private attempt = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private calm: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly token: string,
    private readonly municipality: string,
    private readonly handlers: LiveHandlers,
    private readonly url = defaultUrl(),
  ) {}

  open(): void {
    this.closed = false;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () =>
      this.send({ type: 'hello', version: PROTOCOL_VERSION, token: this.token });
    socket.onmessage = (e) => this.receive(JSON.parse(String(e.data)) as ServerMessage);
    socket.onclose = (e) => this.onClose(e.code);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.retry);
    clearTimeout(this.calm);
    this.socket?.close(1000);
    this.socket = null;
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome': {
        clearInterval(this.heartbeat);
        this.heartbeat = setInterval(() => this.send({ type: 'ping' }), message.heartbeatMs);
        const lastSeq = this.lastSeq;
        this.send({
          type: 'subscribe',
          municipalities: [
            lastSeq === null ? { code: this.municipality } : { code: this.municipality, lastSeq },
          ],
        });
        // A resume has no snapshot to wait for: live once subscribed, counting the replay.
        if (lastSeq !== null) this.markLive(0);
        return;
      }
      case 'snapshot': {
        if (message.municipality !== this.municipality) return;
        // A snapshot after we had state: the resume was too old, the state is replaced whole.
        const refreshed = this.lastSeq !== null;
        this.lastSeq = message.seq;
        this.handlers.snapshot(message);
        if (refreshed) this.markLive(null, true);
        else this.markLive(this.attempt > 0 ? 0 : null);
        return;
      }
      case 'event': {
        if (message.municipality !== this.municipality) return;
        if (this.lastSeq !== null && message.seq <= this.lastSeq) return; // already applied
        this.lastSeq = message.seq;
        this.handlers.event(message);
        const state = this.state.value;
        if (state.kind === 'live' && state.resumed !== null)
          this.state.value = { kind: 'live', resumed: state.resumed + 1 };
        return;
      }
      case 'error':
        // An error about our municipality means no snapshot is coming: say so.
        if (message.municipality === this.municipality || message.code === 'forbidden')
          this.state.value = { kind: 'refused', code: message.code };
        return;
      case 'position':
        if (message.municipality === this.municipality) this.handlers.position?.(message);
        return;
      default:
        return; // pongs
    }
  }

  /** Live; after a reconnect says for a while how many missed events came in. */
  private markLive(resumed: number | null, refreshed = false): void {
    this.attempt = 0;
    this.state.value = refreshed ? { kind: 'live', resumed, refreshed } : { kind: 'live', resumed };
    clearTimeout(this.calm);
    if (resumed !== null || refreshed)
      this.calm = setTimeout(() => (this.state.value = { kind: 'live', resumed: null }), 10_000);
  }

  private onClose(code: number): void {
    clearInterval(this.heartbeat);
    this.socket = null;
    if (this.closed) return;
    if (code === CloseCode.sessionEnded || code === CloseCode.unauthorized) {
      this.state.value = { kind: 'ended', reason: 'session' };
      this.handlers.sessionEnded();
      return;
    }
    if (code === CloseCode.unsupportedVersion) {
      this.state.value = { kind: 'ended', reason: 'version' };
      return;
    }
    // Anything else is retried with backoff (sooner when the server says it helps): a
    // dispatcher's screen must not go quiet for good.
    this.attempt++;
    this.state.value = { kind: 'reconnecting', attempt: this.attempt };
    const base = shouldReconnect(code) ? 500 : 2_000;
    const delay = Math.min(MAX_BACKOFF_MS, base * 2 ** (this.attempt - 1));
    this.retry = setTimeout(() => this.open(), delay * (0.75 + Math.random() * 0.5));
  }
}

function defaultUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws`;
}
