/**
 * The weekly charts' figures: each ISO week of the period asked of the server on its own, only
 * while the board shows weeks, and again whenever the period's figures were fetched again
 * (a choice, or the live feed). A reply to an earlier choice that arrives late is dropped.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { BoardQuery, BoardSource } from './board-source.ts';
import type { WeekFigures } from './board-types.ts';
import { weeksOf } from './trend-series.ts';

export function useWeekFigures(
  source: BoardSource,
  q: BoardQuery,
  on: boolean,
  fetchedAt: Date | null,
) {
  const weeks = useSignal<WeekFigures | null>(null);
  const generation = useRef(0);
  const key = `${q.municipality}|${q.team}|${q.from}|${q.to}`;
  useEffect(() => {
    weeks.value = null;
  }, [key]);
  useEffect(() => {
    if (!on || !q.municipality) return;
    const mine = ++generation.current;
    source.weeks(q, weeksOf(q)).then(
      (w) => {
        if (mine === generation.current) weeks.value = w;
      },
      // The period's own request says what went wrong; the charts stay without weeks.
      () => undefined,
    );
  }, [on, key, fetchedAt?.getTime()]);
  return weeks;
}
