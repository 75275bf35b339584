/**
 * The console's team choice within the municipality: the teams the server lists for the
 * user's scope, the choice kept per municipality in localStorage (a reload keeps it), and a
 * view of the store narrowed to that team's staff, their visits and the unassigned ones.
 * "All teams" is the store itself, so the common case costs nothing.
 */
import { type Signal, batch, effect, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { type Schemas, api } from '../api/client.ts';
import { ConsoleStore } from './store.ts';
import type { ConsoleVisit } from './types.ts';

export type Team = Schemas['Team'];

const key = (code: string) => `hemsjukvard.team.${code}`;

/** A store fed from `store`, keeping only `teamId`'s shifts and what they or nobody do. */
export function teamView(
  store: ConsoleStore,
  teamId: string,
): { view: ConsoleStore; dispose(): void } {
  const view = new ConsoleStore();
  const members = (): ReadonlySet<string> =>
    new Set(store.shifts.value.filter((s) => s.teamId === teamId).map((s) => s.staffId));
  const stops = [
    effect(() => {
      const shifts = store.shifts.value.filter((s) => s.teamId === teamId);
      const loaded = store.loaded.value;
      batch(() => {
        view.shifts.value = shifts;
        view.loaded.value = loaded;
      });
    }),
    effect(() => {
      const staff = members();
      const mine = (v: ConsoleVisit) =>
        v.assignees.length === 0 || v.assignees.some((a) => staff.has(a.staffId));
      view.visits.value = new Map([...store.visits.value].filter(([, v]) => mine(v)));
    }),
    effect(() => {
      view.sick.value = store.sick.value;
    }),
    effect(() => {
      view.lateRisks.value = store.lateRisks.value;
    }),
  ];
  return { view, dispose: () => stops.forEach((stop) => stop()) };
}

export interface TeamChoice {
  teams: Signal<readonly Team[]>;
  /** The chosen team's id, '' for all (also while the list loads or for a team now gone). */
  chosen: string;
  choose(teamId: string): void;
  /** What the queue, staff list, map and timeline show. */
  store: ConsoleStore | null;
}

export function useTeamChoice(code: string, store: ConsoleStore | null): TeamChoice {
  const teams = useSignal<readonly Team[]>([]);
  const stored = useSignal('');
  useEffect(() => {
    teams.value = [];
    stored.value = code ? (localStorage.getItem(key(code)) ?? '') : '';
    if (!code) return;
    void api.GET('/api/teams', { params: { query: { municipality: code } } }).then(({ data }) => {
      if (data) teams.value = data.items;
    });
  }, [code]);
  const chosen = teams.value.some((t) => t.id === stored.value) ? stored.value : '';
  const narrowed = useMemo(
    () => (store && chosen ? teamView(store, chosen) : null),
    [store, chosen],
  );
  useEffect(() => () => narrowed?.dispose(), [narrowed]);
  return {
    teams,
    chosen,
    choose: (teamId) => {
      if (teamId) localStorage.setItem(key(code), teamId);
      else localStorage.removeItem(key(code));
      stored.value = teamId;
    },
    store: narrowed?.view ?? store,
  };
}
