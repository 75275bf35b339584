import type { Principal } from '../../../../server/auth/principal.ts';
import type { LiveEvent } from '../../../../server/live/event-bus.ts';
import type { EventStore } from '../../../../server/live/event-store.ts';
import type { ServerMessage } from '../../../../server/live/protocol.ts';
import type { LiveSession, LiveSocket, Timers } from '../../../../server/live/socket.ts';

/** A socket that records what it is sent; `bufferedAmount` is set by the test. */
export class FakeSocket implements LiveSocket {
  sent: string[] = [];
  bufferedAmount = 0;
  closedWith: { code: number; reason: string } | null = null;
  send(data: string): void {
    if (this.closedWith) throw new Error('send after close');
    this.sent.push(data);
  }
  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }
  messages(): ServerMessage[] {
    return this.sent.map((s) => JSON.parse(s) as ServerMessage);
  }
  ofType<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.messages().filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }
  /** Seqs of the event messages received, in arrival order. */
  eventSeqs(municipality?: string): number[] {
    return this.ofType('event')
      .filter((m) => !municipality || m.municipality === municipality)
      .map((m) => m.seq);
  }
}

/** The events table in memory, with the same gapless seqs. */
export class MemoryEventStore implements EventStore {
  private readonly log = new Map<string, LiveEvent[]>();
  reads = 0;
  append(municipalityCode: string, type: string, payload: unknown = {}): LiveEvent {
    const list = this.log.get(municipalityCode) ?? [];
    this.log.set(municipalityCode, list);
    const event = {
      municipalityCode,
      seq: list.length + 1,
      type,
      payload,
      at: new Date(0).toISOString(),
    };
    list.push(event);
    return event;
  }
  async currentSeq(code: string): Promise<number> {
    return this.log.get(code)?.length ?? 0;
  }
  async readAfter(code: string, afterSeq: number, limit: number): Promise<LiveEvent[]> {
    this.reads += 1;
    return (this.log.get(code) ?? []).slice(afterSeq, afterSeq + limit);
  }
  all(code: string): LiveEvent[] {
    return this.log.get(code) ?? [];
  }
}

export class ManualClock {
  constructor(public ms = Date.parse('2026-11-23T12:00:00Z')) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Timers that never fire: tests call hub.tick() themselves. */
export const noTimers: Timers = { setInterval: () => 0, clearInterval: () => {} };

/** Lets every pending promise chain run (the fakes resolve in microtasks). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
}

export function principal(over: Partial<Principal> = {}): Principal {
  return {
    userId: 'u1',
    username: 'natt.stockholm',
    role: 'dispatcher',
    municipalities: ['0180'],
    teams: [],
    staffId: null,
    ...over,
  };
}

/** Accepts token "t:<role>:<codes>" e.g. "t:dispatcher:0180,0184"; anything else is refused. */
export async function fakeAuthenticate(token: string): Promise<LiveSession | null> {
  const [t, role, codes] = token.split(':');
  if (t !== 't' || !role) return null;
  const who = principal({
    role: role as Principal['role'],
    municipalities: codes ? codes.split(',') : [],
  });
  return { principal: who, expiresAt: Infinity };
}
