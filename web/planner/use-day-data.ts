/**
 * What the page shows of a municipality's day: its teams, its staff's names and its visits,
 * each list read page by page (the API gives at most 500 at a time).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { DayChoice, DayVisit } from './planner-types.ts';

const PAGE = 500;

async function allVisits(municipality: string, date: string): Promise<DayVisit[]> {
  const out: DayVisit[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await api.GET('/api/visits', {
      params: { query: { municipality, date, limit: PAGE, offset } },
    });
    if (!data) return out;
    out.push(...data.items);
    if (out.length >= data.page.total || data.items.length === 0) return out;
  }
}

async function allStaffNames(municipality: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await api.GET('/api/staff', {
      params: { query: { municipality, limit: PAGE, offset } },
    });
    if (!data) return names;
    for (const s of data.items) names.set(s.id, s.name);
    if (names.size >= data.page.total || data.items.length === 0) return names;
  }
}

export function useDayData(day: DayChoice) {
  const teams = useSignal<readonly { id: string; name: string }[]>([]);
  const staffNames = useSignal<ReadonlyMap<string, string>>(new Map());
  const visits = useSignal<DayVisit[] | null>(null);
  const { municipality, date } = day;

  const reloadVisits = async () => {
    if (!municipality) return;
    const list = await allVisits(municipality, date);
    visits.value = list.filter((v) => v.status !== 'cancelled');
  };

  useEffect(() => {
    if (!municipality) return;
    teams.value = [];
    void api.GET('/api/teams', { params: { query: { municipality } } }).then(({ data }) => {
      if (data) teams.value = data.items;
    });
    void allStaffNames(municipality).then((names) => (staffNames.value = names));
  }, [municipality]);

  useEffect(() => {
    visits.value = null;
    void reloadVisits();
  }, [municipality, date]);

  return { teams, staffNames, visits, reloadVisits };
}
