/**
 * The timeline's day from the server: GET /api/dispatch/day-routes (travel and breaks for
 * today; also the shifts and visits of yesterday and tomorrow, which the live snapshot does
 * not hold). Read again a second after a visit changes on the live feed (at most once a
 * second), so travel and breaks follow a move; an answer for a day no longer shown is dropped.
 */
import { type Signal, effect, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../../api/client.ts';
import type { ConsoleStore } from '../store.ts';

export type DayAnswer = Schemas['DayRoutes'];

/** After a live change, wait this long (gathering more) before reading again. */
const DEBOUNCE_MS = 1_000;

export function useDay(
  store: ConsoleStore,
  code: string,
  day: string,
  routesOnly: boolean,
): { answer: Signal<DayAnswer | null>; failed: Signal<boolean> } {
  const answer = useSignal<DayAnswer | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    let again = false;
    const load = async () => {
      timer = undefined;
      if (inFlight) return void (again = true);
      inFlight = true;
      const { data } = await api
        .GET('/api/dispatch/day-routes', {
          // Today's shifts and visits are the live feed's: only the routes are needed.
          params: { query: { municipality: code, day, ...(routesOnly ? { only: 'routes' } : {}) } },
        })
        .catch(() => ({ data: undefined }));
      inFlight = false;
      if (!live) return;
      failed.value = !data;
      if (data) answer.value = data;
      if (again) {
        again = false;
        schedule();
      }
    };
    // At most one read a second however fast events come (a trailing debounce would starve
    // under a steady stream), and never two at once.
    const schedule = () => {
      timer ??= setTimeout(() => void load(), DEBOUNCE_MS);
    };
    if (answer.value?.day !== day || answer.value.municipality !== code) answer.value = null;
    void load();
    let first = true;
    const stop = effect(() => {
      void store.visits.value; // a visit changed (an event, or a new snapshot)
      if (first) return void (first = false);
      schedule();
    });
    return () => {
      live = false;
      clearTimeout(timer);
      stop();
    };
  }, [store, code, day, routesOnly]);
  return { answer, failed };
}
