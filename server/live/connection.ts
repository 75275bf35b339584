import type { Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';
import type { HubLimits } from './limits.ts';
import { Outbox } from './outbox.ts';
import {
  type ClientMessage,
  CloseCode,
  closeCodeName,
  type LiveErrorCode,
  type ServerMessage,
} from './protocol.ts';
import { checkHello, welcomeFor } from './handshake.ts';
import { parseClientMessage } from './protocol-parse.ts';
import type { Authenticate, LiveSession, LiveSocket } from './socket.ts';
import type { Subscription } from './subscription.ts';

/** What a connection asks of its hub. */
export interface ConnectionHost {
  limits: HubLimits;
  now(): number;
  logger: Logger;
  canFollow(principal: Principal, municipalityCode: string): boolean;
  /** Creates, wires to the bus and starts a subscription. */
  follow(conn: Connection, code: string, lastSeq: number | undefined): Subscription;
  unfollow(sub: Subscription): void;
  forget(conn: Connection): void;
  /** Grows whenever sessions may have ended: a hello that spans a change checks again. */
  authEpoch(): number;
}

/**
 * One client session: hello → welcome, then subscriptions. Never throws on input: bad
 * frames get an `error` message, and repeated ones, or a failed handshake, a close code.
 */
export class Connection {
  private state: 'hello' | 'authenticating' | 'ready' | 'closed' = 'hello';
  private principal: Principal | null = null;
  /** The hello's token and its session's end (ms): the session is checked again by both. */
  private token: string | null = null;
  private expiresAt = Infinity;
  private readonly subs = new Map<string, Subscription>();
  private readonly outbox: Outbox;
  private readonly connectedAt: number;
  private lastReceivedAt: number;
  private strikes = 0;
  /** Frames that came while the token was being checked, handled after. */
  private waiting: (string | null)[] = [];

  constructor(
    private readonly socket: LiveSocket,
    private readonly authenticate: Authenticate,
    private readonly host: ConnectionHost,
  ) {
    this.connectedAt = this.lastReceivedAt = host.now();
    this.outbox = new Outbox(socket, host.limits, () => host.now());
  }

  /** A frame from the client: its text, or null for a binary frame. */
  receive(frame: string | null): void {
    if (this.state === 'closed') return;
    this.lastReceivedAt = this.host.now();
    if (this.state === 'authenticating') {
      if (this.waiting.length >= this.host.limits.maxPendingFrames)
        return this.close(CloseCode.badRequest, 'too many messages before welcome');
      this.waiting.push(frame);
      return;
    }
    const parsed = parseClientMessage(frame, this.host.limits.maxFrameBytes);
    if (!parsed.ok) {
      if ('close' in parsed) return this.close(parsed.close.code, parsed.close.reason);
      return this.strike(parsed.error.code, parsed.error.message);
    }
    this.handle(parsed.message);
  }

  /** `text`: the message's JSON when the caller has it already (an event shared by many). */
  send(msg: ServerMessage, text?: string): void {
    if (this.state === 'closed') return;
    if (!this.outbox.push(msg, text)) this.close(CloseCode.slowConsumer, 'send queue overflow');
  }

  error(code: LiveErrorCode, message: string, municipality?: string): void {
    this.send({ type: 'error', code, message, ...(municipality ? { municipality } : {}) });
  }

  /** Periodic: flush the queue, enforce the handshake, idle and slow-consumer limits. */
  tick(): void {
    if (this.state === 'closed') return;
    const now = this.host.now();
    const { limits } = this.host;
    if (this.state !== 'ready' && now - this.connectedAt > limits.handshakeTimeoutMs)
      return this.close(CloseCode.handshakeTimeout, 'no hello in time');
    if (this.state === 'ready' && now >= this.expiresAt)
      return this.close(CloseCode.sessionEnded, 'session expired');
    if (now - this.lastReceivedAt > limits.idleTimeoutMs)
      return this.close(CloseCode.idleTimeout, 'no message or ping in time');
    this.outbox.flush();
    const since = this.outbox.congestedSince;
    if (since !== null && now - since > limits.slowConsumerMs)
      this.close(CloseCode.slowConsumer, 'too slow to keep up; resume with lastSeq');
  }

  close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    const user = this.principal?.userId;
    this.host.logger.debug('live connection closed', { code: closeCodeName(code), reason, user });
    try {
      this.socket.close(code, reason);
    } catch (err) {
      this.host.logger.debug('live socket close failed', { err });
    }
    this.closed();
  }

  /** The transport reports the socket closed. */
  closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    for (const sub of this.subs.values()) this.host.unfollow(sub);
    this.subs.clear();
    this.waiting = [];
    this.host.forget(this);
  }

  get queued(): number {
    return this.outbox.size;
  }

  private strike(code: LiveErrorCode, message: string): void {
    this.error(code, message);
    if (++this.strikes >= this.host.limits.maxStrikes)
      this.close(CloseCode.badRequest, 'too many bad messages');
  }

  private handle(msg: ClientMessage): void {
    if (msg.type === 'ping') {
      this.send({ type: 'pong', id: msg.id, serverTime: new Date(this.host.now()).toISOString() });
    } else if (msg.type === 'hello') {
      if (this.state === 'ready') this.strike('already_authenticated', 'hello was already sent');
      else void this.hello(msg.version, msg.token);
    } else if (this.state !== 'ready' || !this.principal) {
      this.strike('hello_required', 'send hello before anything else');
    } else if (msg.type === 'subscribe') {
      for (const { code, lastSeq } of msg.municipalities) this.subscribe(code, lastSeq);
    } else {
      for (const code of msg.municipalities) this.unsubscribe(code);
    }
  }

  private async hello(version: number, token: string | undefined): Promise<void> {
    this.state = 'authenticating';
    const epoch = this.host.authEpoch();
    const outcome = await checkHello(version, token, this.authenticate, this.host.logger);
    if ((this.state as string) === 'closed') return;
    if (!outcome.ok) {
      if (outcome.error) this.error(outcome.error.code, outcome.error.message);
      return this.close(...outcome.close);
    }
    this.principal = outcome.session.principal;
    this.token = token ?? null;
    this.expiresAt = outcome.session.expiresAt;
    this.state = 'ready';
    this.send(welcomeFor(outcome.session.principal, this.host.limits));
    // The session may have ended while its token was being checked: check it once more.
    if (this.host.authEpoch() !== epoch) void this.revalidate(new Map());
    const waiting = this.waiting;
    this.waiting = [];
    for (const frame of waiting) this.receive(frame);
  }

  /**
   * Checks the session again (sessions may have ended): closes with `sessionEnded` when it
   * has, and drops subscriptions its principal may no longer follow. `pass` shares one
   * check per token among the connections of one pass. False when the check failed (the
   * database unreachable): the socket stays open and the hub tries again.
   */
  async revalidate(pass: Map<string, Promise<LiveSession | null>>): Promise<boolean> {
    const token = this.token;
    if (this.state !== 'ready' || token === null) return true;
    let check = pass.get(token);
    if (!check) {
      check = this.authenticate(token);
      pass.set(token, check);
    }
    let session: LiveSession | null;
    try {
      session = await check;
    } catch (err) {
      this.host.logger.warn('live session check failed', { err });
      return false;
    }
    if (this.state !== 'ready') return true;
    if (!session) {
      this.close(CloseCode.sessionEnded, 'session ended');
      return true;
    }
    this.principal = session.principal;
    this.expiresAt = session.expiresAt;
    for (const code of [...this.subs.keys()]) {
      if (this.host.canFollow(session.principal, code)) continue;
      this.unsubscribe(code);
      this.error('forbidden', `No longer allowed to follow municipality ${code}`, code);
    }
    return true;
  }

  private subscribe(code: string, lastSeq: number | undefined): void {
    if (!this.principal || !this.host.canFollow(this.principal, code))
      return this.error('forbidden', `Not allowed to follow municipality ${code}`, code);
    const existing = this.subs.get(code);
    if (existing)
      this.host.unfollow(existing); // a new subscribe restarts from its lastSeq
    else if (this.subs.size >= this.host.limits.maxSubscriptions)
      return this.error('too_many_subscriptions', `at most ${this.subs.size}`, code);
    this.subs.set(code, this.host.follow(this, code, lastSeq));
  }

  private unsubscribe(code: string): void {
    const sub = this.subs.get(code);
    if (!sub) return;
    this.subs.delete(code);
    this.host.unfollow(sub);
  }

  /** The hub dropped a subscription of its own accord (e.g. unknown municipality). */
  dropped(sub: Subscription): void {
    if (this.subs.get(sub.code) === sub) this.subs.delete(sub.code);
  }
}
