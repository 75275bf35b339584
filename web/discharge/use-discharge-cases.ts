/**
 * The open discharge cases in the user's scope (or one municipality), fetched again when the
 * live feed says a case changed or the rules did, and when Stockholm's day changes (the clock
 * counts days): see use-discharge-refresh.ts.
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { DischargeCase } from './case-urgency.ts';
import { scopeOf } from './discharge-scope.ts';
import { useDischargeRefresh } from './use-discharge-refresh.ts';

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
  useEffect(() => void reload(), [municipality]);
  useDischargeRefresh(scopeOf(municipality), () => void reload());
  return { cases, error, reload };
}
