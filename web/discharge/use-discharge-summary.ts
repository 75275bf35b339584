/**
 * The open cases in figures (/api/discharge/summary): counts only, so the header of every
 * view can ask without reading (and auditing) patients. Fetched again on the live feed's
 * discharge events and when Stockholm's day changes (use-discharge-refresh.ts).
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { api } from '../api/client.ts';
import { scopeOf } from './discharge-scope.ts';
import { useDischargeRefresh } from './use-discharge-refresh.ts';

export function useDischargeSummary(
  municipality?: string,
): Signal<Schemas['DischargeSummary'] | null> {
  const summary = useSignal<Schemas['DischargeSummary'] | null>(null);
  const load = async () => {
    const query = municipality ? { municipality } : {};
    const { data } = await api.GET('/api/discharge/summary', { params: { query } });
    if (data) summary.value = data;
  };
  useEffect(() => void load(), [municipality]);
  useDischargeRefresh(scopeOf(municipality), () => void load());
  return summary;
}
