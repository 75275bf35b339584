import type { AppendedEvent } from '../events/append-events.ts';

/**
 * Committed events travel from the service that wrote them to every subscriber, in every
 * server process. Services call `publish` only after their transaction has committed.
 */
export interface LiveEvent {
  municipalityCode: string;
  /** Gapless per municipality (events.seq). */
  seq: number;
  type: string;
  payload: unknown;
  /** ISO UTC time the event was written. */
  at: string;
}

export interface EventBus {
  /** After commit: fan out locally and to other processes. */
  publish(event: LiveEvent): Promise<void>;
  /**
   * Events of one municipality, in seq order, exactly once each, from any process: every
   * event committed after `ready` resolves (it rejects when the bus cannot start following).
   */
  subscribe(municipalityCode: string, listener: (event: LiveEvent) => void): BusSubscription;
  close(): Promise<void>;
}

export interface BusSubscription {
  ready: Promise<void>;
  unsubscribe(): void;
}

/** What a service publishes after its commit, from what `appendEvent` returned. */
export function toLiveEvent(e: AppendedEvent): LiveEvent {
  const { municipalityCode, seq, type, payload, createdAt } = e;
  return { municipalityCode, seq, type, payload, at: createdAt.toISOString() };
}
