/**
 * Whether the demo's past days are still being written (server/demo/history/, in the
 * background after start-up): polled while they are, so the board can say so and fetch its
 * figures again once the last day is in.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';

export type HistoryStatus = components['schemas']['BoardHistoryStatus'];

/** How often to ask while the history is written (a day takes several seconds). */
export const HISTORY_POLL_MS = 5_000;

export function useHistoryStatus(onFinished: () => void, pollMs = HISTORY_POLL_MS) {
  const status = useSignal<HistoryStatus | null>(null);
  // The latest callback, for the timer's closure.
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const { data } = await api.GET('/api/board/history').catch(() => ({ data: undefined }));
      if (stopped) return;
      if (data) {
        const before = status.value;
        status.value = data;
        // Once the last day is in, the period's figures are fetched again (not on each day:
        // the whole board's queries every few seconds would slow the writing down).
        if (before?.state === 'running' && data.state !== 'running') finished.current();
      }
      if (!data || data.state === 'running') timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return status;
}
