import type { Db } from '../../db/client.ts';
import type { AuditAction, AuditActor, AuditSubject } from '../audit/record.ts';
import { recordAccess } from '../audit/record.ts';
import { type AppendedEvent, type Tx, appendEvent, appendEvents } from '../events/append-events.ts';
import { type EventBus, toLiveEvent } from '../live/event-bus.ts';

/** What a command needs: the database, where committed events go, the clock. */
export interface CommandDeps {
  db: Db;
  /** Committed events are published here after the commit. */
  bus?: EventBus;
  now: () => Date;
}

/**
 * Who runs a command: a person (their audit rows go in the command's transaction) or the
 * system itself (the late-risk loop, the demo day's plan, a service test), which acts on no
 * one's behalf: its `audit` writes nothing.
 */
export type CommandActor = Omit<AuditActor, 'emergencyReason'> | typeof SYSTEM;
export const SYSTEM = 'system' as const;

/** What a command's work is handed: its transaction, its clock, its events, its audit. */
export interface Command {
  tx: Tx;
  /** The command's instant (one per attempt). */
  now: Date;
  /** Appends an event; it is published once the transaction has committed. */
  emit(municipality: string, type: string, payload: unknown): Promise<void>;
  /** Several events of one municipality in one statement. */
  emitAll(municipality: string, items: { type: string; payload: unknown }[]): Promise<void>;
  /** The patient-data audit rows of the change, in its transaction: no row, no change. */
  audit(action: AuditAction, subjects: AuditSubject[]): Promise<void>;
}

/** PostgreSQL's deadlock_detected and serialization_failure: nothing was written. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
/** Tries of a transaction PostgreSQL aborted for one of those; then the error stands. */
export const TRANSACTION_ATTEMPTS = 3;

/** Whether the error (or the driver error Drizzle wraps) asks for the transaction again. */
export function isRetryable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Object && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The one way the day changes: the work (checks, writes), its events and its audit rows in
 * one transaction, then the events published. A failed publish is not the caller's failure:
 * the change is committed and the bus reads missed events back from the table. A transaction
 * PostgreSQL aborts as a deadlock or a serialization failure is run again from the start
 * (the work reads what it changes inside it), up to TRANSACTION_ATTEMPTS times: a client
 * never gets a 500 for a lost race.
 */
export async function runCommand<T>(
  deps: CommandDeps,
  actor: CommandActor,
  work: (cmd: Command) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const appended: AppendedEvent[] = [];
    let result: T;
    try {
      result = await deps.db.transaction(async (tx) => {
        const now = deps.now();
        return work({
          tx,
          now,
          emit: async (municipality, type, payload) => {
            appended.push(await appendEvent(tx, municipality, type, payload));
          },
          emitAll: async (municipality, items) => {
            appended.push(...(await appendEvents(tx, municipality, items)));
          },
          audit: async (action, subjects) => {
            if (actor === SYSTEM) return;
            await recordAccess(tx, { ...actor, emergencyReason: null }, action, subjects, now);
          },
        });
      });
    } catch (err) {
      if (attempt < TRANSACTION_ATTEMPTS && isRetryable(err)) continue;
      throw err;
    }
    await publish(deps, appended);
    return result;
  }
}

/**
 * A change that is one event and nothing else (a sampled position): the statement is its own
 * transaction, two round trips fewer than a transaction around it. Published after it commits.
 */
export async function appendAndPublish(
  deps: CommandDeps,
  municipality: string,
  type: string,
  payload: unknown,
): Promise<void> {
  await publish(deps, [await appendEvent(deps.db, municipality, type, payload)]);
}

async function publish(deps: CommandDeps, appended: AppendedEvent[]): Promise<void> {
  for (const e of appended) await deps.bus?.publish(toLiveEvent(e)).catch(() => {});
}
