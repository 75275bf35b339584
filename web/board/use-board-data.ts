/**
 * The board's data for a municipality, team and period: the figures, the county and the
 * delegations, fetched on each choice and again (throttled) when the live feed says visits
 * were started or finished. A response to an earlier choice that arrives late is dropped.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { LiveConnection } from '../live/live-connection.ts';
import { endSession } from '../session/session.ts';
import type { BoardQuery, BoardSource } from './board-source.ts';
import type { BoardFigures, CountyRow, ExpiringDelegation } from './board-types.ts';
import type { WireEconomicsMonth } from './board-wire.ts';
import { Throttle, changesFigures } from './live-refresh.ts';

export function useBoardData(source: BoardSource, q: BoardQuery, token: string) {
  const figures = useSignal<BoardFigures | null>(null);
  const county = useSignal<CountyRow[] | null>(null);
  const delegations = useSignal<ExpiringDelegation[] | null>(null);
  const economics = useSignal<WireEconomicsMonth[] | null>(null);
  const error = useSignal<string | null>(null);
  const loading = useSignal(false);
  const updatedAt = useSignal<Date | null>(null);
  const generation = useRef(0);
  const key = `${q.municipality}|${q.team}|${q.from}|${q.to}`;

  const load = async () => {
    if (!q.municipality) return;
    const mine = ++generation.current;
    loading.value = true;
    try {
      const [f, c, d, e] = await Promise.all([
        source.figures(q),
        source.county(q),
        source.delegations(q),
        source.economics(q),
      ]);
      if (mine !== generation.current) return;
      figures.value = f;
      county.value = c;
      delegations.value = d;
      economics.value = e;
      error.value = null;
      updatedAt.value = new Date();
    } catch (e) {
      if (mine === generation.current) error.value = e instanceof Error ? e.message : String(e);
    } finally {
      if (mine === generation.current) loading.value = false;
    }
  };
  // The latest load, for the live feed's throttle (its closure outlives a render).
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    figures.value = null;
    void load();
  }, [key]);

  useEffect(() => {
    if (!q.municipality) return;
    const throttle = new Throttle(() => void latest.current());
    const connection = new LiveConnection(token, q.municipality, {
      snapshot: () => undefined,
      event: (m) => {
        if (changesFigures(m.eventType, m.payload)) throttle.poke();
      },
      sessionEnded: () => endSession('expired'),
    });
    connection.open();
    return () => {
      throttle.dispose();
      connection.close();
    };
  }, [q.municipality, token]);

  return { figures, county, delegations, economics, error, loading, updatedAt, reload: load };
}
