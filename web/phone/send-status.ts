/**
 * One status change sent to the server, and what its answer means for the queue: sent (the
 * visit as it is now), a conflict (someone changed it first: the visit as it is now), refused
 * for good, or not through (no network, or the server unwell: keep it and try again).
 */
import { api } from '../api/client.ts';
import type { QueuedChange } from './outbox.ts';
import type { RouteVisit } from './route-model.ts';

export type SendResult =
  | { kind: 'sent'; visit: RouteVisit }
  | { kind: 'conflict'; current: RouteVisit | null; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'retry' };

export async function sendStatus(change: QueuedChange): Promise<SendResult> {
  let answer;
  try {
    answer = await api.POST('/api/dispatch/visits/{id}/status', {
      params: { path: { id: change.visitId } },
      body: { status: change.status, expectedVersion: change.expectedVersion },
    });
  } catch {
    return { kind: 'retry' }; // no network: fetch itself failed
  }
  const { data, error, response } = answer;
  if (data) return { kind: 'sent', visit: data };
  if (response.status === 409) {
    const conflict = error as { error?: { message?: string }; current?: RouteVisit };
    return {
      kind: 'conflict',
      current: conflict.current ?? null,
      message: conflict.error?.message ?? '',
    };
  }
  // A 401 has ended the session (the client's middleware); the queue waits for the next log-in.
  if (response.status >= 500 || response.status === 401 || response.status === 429)
    return { kind: 'retry' };
  const refused = error as { error?: { message?: string } } | undefined;
  return { kind: 'refused', message: refused?.error?.message ?? String(response.status) };
}
