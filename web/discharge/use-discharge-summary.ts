/**
 * The open cases in figures (/api/discharge/summary), fetched again every minute: counts only,
 * so the header of every console can ask without reading (and auditing) patients.
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { api } from '../api/client.ts';

const REFRESH_MS = 60_000;

export function useDischargeSummary(
  municipality?: string,
): Signal<Schemas['DischargeSummary'] | null> {
  const summary = useSignal<Schemas['DischargeSummary'] | null>(null);
  useEffect(() => {
    const load = async () => {
      const query = municipality ? { municipality } : {};
      const { data } = await api.GET('/api/discharge/summary', { params: { query } });
      if (data) summary.value = data;
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [municipality]);
  return summary;
}
