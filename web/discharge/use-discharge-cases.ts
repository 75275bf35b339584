/**
 * The open discharge cases in the user's scope (or one municipality), fetched again every
 * minute: the clock moves by the day and the region's messages come any time, and the list
 * is small (a municipality's open cases).
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { DischargeCase } from './case-urgency.ts';

const REFRESH_MS = 60_000;

export interface DischargeCases {
  cases: Signal<DischargeCase[] | null>;
  error: Signal<string>;
  reload: () => Promise<void>;
}

export function useDischargeCases(municipality?: string): DischargeCases {
  const cases = useSignal<DischargeCase[] | null>(null);
  const error = useSignal('');
  const reload = async () => {
    const query = municipality ? { municipality } : {};
    const { data, error: err } = await api.GET('/api/discharge/cases', { params: { query } });
    if (data) {
      cases.value = data.items;
      error.value = '';
    } else error.value = (err as { error?: { message?: string } })?.error?.message ?? '';
  };
  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [municipality]);
  return { cases, error, reload };
}
