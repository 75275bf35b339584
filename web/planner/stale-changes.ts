/**
 * A stale plan's 409 in the scheduler's words: each detail names a visit or shift
 * (`visits.<id>`, `shifts.<id>`) and how it changed; a visit is shown as the page knows it.
 */
import type { MessageKey } from '../i18n/i18n.ts';

export interface StaleDetail {
  field?: string;
  message?: string;
}

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
    const change: MessageKey | null = message.startsWith('no longer')
      ? 'planner.staleGone'
      : message.startsWith('changed')
        ? 'planner.staleChanged'
        : message.startsWith('new since')
          ? 'planner.staleNew'
          : message === 'not written'
            ? 'planner.staleNotWritten'
            : null;
    return { kind, id, change, message };
  });
}
