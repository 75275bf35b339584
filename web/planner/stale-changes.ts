/**
 * A stale plan's 409 in the scheduler's words: each detail names a visit or shift
 * (`visits.<id>`, `shifts.<id>`) and how it changed (its `reason` code, not the English message);
 * a visit is shown as the page knows it.
 */
import type { MessageKey } from '../i18n/i18n.ts';

export interface StaleDetail {
  field?: string;
  message?: string;
  /** The server's stable code for the change; the message is English for logs. */
  reason?: string;
}

const CHANGE: Record<string, MessageKey> = {
  gone: 'planner.staleGone',
  changed: 'planner.staleChanged',
  new: 'planner.staleNew',
  not_written: 'planner.staleNotWritten',
};

export interface StaleLine {
  kind: 'visit' | 'shift' | 'other';
  id: string;
  /** The dictionary key of the change, or null to show the server's message as it is. */
  change: MessageKey | null;
  message: string;
}

export function staleLines(details: readonly StaleDetail[]): StaleLine[] {
  return details.map((d) => {
    const [prefix, id = ''] = (d.field ?? '').split('.', 2);
    const kind = prefix === 'visits' ? 'visit' : prefix === 'shifts' ? 'shift' : 'other';
    const message = d.message ?? '';
    const change = (d.reason !== undefined && CHANGE[d.reason]) || null;
    return { kind, id, change, message };
  });
}
