/**
 * Status changes made without a network, kept in localStorage (per user, so another log-in
 * on the same phone sends none of them) until they can be sent, in the order they were made.
 */
import { signal } from '@preact/signals';
import type { CaregiverStatus } from './route-model.ts';

export interface QueuedChange {
  visitId: string;
  status: CaregiverStatus;
  /** The version the caregiver saw; a later change of the same visit follows the earlier one. */
  expectedVersion: number;
  /** When it was pressed (ISO). */
  at: string;
}

export class Outbox {
  readonly items = signal<readonly QueuedChange[]>([]);

  constructor(
    private readonly key: string,
    private readonly storage: Pick<
      Storage,
      'getItem' | 'setItem'
    > | null = globalThis.localStorage ?? null,
  ) {
    this.items.value = this.read();
  }

  add(change: QueuedChange): void {
    this.write([...this.items.value, change]);
  }

  /** Takes the first change off (sent, or answered for good). */
  shift(): void {
    this.write(this.items.value.slice(1));
  }

  /** Drops the changes of one visit (after a conflict: they were built on what is gone). */
  dropVisit(visitId: string): void {
    this.write(this.items.value.filter((c) => c.visitId !== visitId));
  }

  pendingFor(visitId: string): QueuedChange[] {
    return this.items.value.filter((c) => c.visitId === visitId);
  }

  private read(): QueuedChange[] {
    try {
      const raw = this.storage?.getItem(this.key);
      return raw ? (JSON.parse(raw) as QueuedChange[]) : [];
    } catch {
      return [];
    }
  }

  private write(next: QueuedChange[]): void {
    this.items.value = next;
    try {
      this.storage?.setItem(this.key, JSON.stringify(next));
    } catch {
      // Private mode or a full store: the queue lasts this page only.
    }
  }
}
