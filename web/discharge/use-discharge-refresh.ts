/**
 * When a discharge view fetches again: on its municipalities' discharge events (at most once
 * per REFRESH_GAP_MS however many arrive), and when Stockholm's day changes, since the clock
 * counts days (a case becomes "liable tomorrow" at midnight without any message). Without a
 * live feed (an admin's all-municipality view), every POLL_MS as before.
 */
import { useEffect, useRef } from 'preact/hooks';
import { Throttle } from '../board/live-refresh.ts';
import { session } from '../session/session.ts';
import { TIME_ZONE } from '../time/format.ts';
import { type DischargeChange, followDischarge } from './discharge-live.ts';

export const REFRESH_GAP_MS = 2_000;
const POLL_MS = 60_000;
/** How often the day is checked: a timer to midnight would drift with a sleeping laptop. */
const DAY_CHECK_MS = 20_000;
/** More municipalities than this (an admin's whole county): poll instead of a socket each. */
const MAX_FEEDS = 3;

const stockholmDay = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });

export function useDischargeRefresh(
  municipalities: readonly string[],
  reload: () => void,
  wants: (change: DischargeChange) => boolean = () => true,
): void {
  // The latest closures, for the socket's and the timers' callbacks that outlive a render.
  const latest = useRef({ reload, wants });
  latest.current = { reload, wants };
  const token = session.value?.token;
  const key = municipalities.join(',');
  useEffect(() => {
    const throttle = new Throttle(() => latest.current.reload(), REFRESH_GAP_MS);
    let day = stockholmDay.format(new Date());
    const dayTimer = setInterval(() => {
      const now = stockholmDay.format(new Date());
      if (now === day) return;
      day = now;
      throttle.poke();
    }, DAY_CHECK_MS);
    const live = token && municipalities.length > 0 && municipalities.length <= MAX_FEEDS;
    const stops = live
      ? municipalities.map((m) =>
          followDischarge(token, m, (change) => {
            if (latest.current.wants(change)) throttle.poke();
          }),
        )
      : [];
    const poll = live ? undefined : setInterval(() => throttle.poke(), POLL_MS);
    return () => {
      for (const stop of stops) stop();
      clearInterval(dayTimer);
      clearInterval(poll);
      throttle.dispose();
    };
  }, [key, token]);
}
