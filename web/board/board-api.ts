/**
 * The board's one contact with the figures API (server/board/ routes), through
 * web/api/client.ts: the period's figures and the days' trends of a municipality (or team),
 * the county comparison, and the delegations running out. Everything else in web/board/ reads
 * what this file returns, so a change in the API's shapes is mended here and in from-wire.ts.
 */
import { api } from '../api/client.ts';
import type { BoardQuery, BoardSource } from './board-source.ts';
import type { WireCountyRow, WireDelegation, WireFigures, WireTrendDay } from './board-wire.ts';
import { boardFigures, countyRows } from './from-wire.ts';

type Query = Record<string, string>;

/**
 * A GET of a board route. The routes are not in web/api/schema.d.ts yet, so the typed client
 * is called by an untyped path here; the rest of the call (token, 401) is the client's.
 */
async function get<T>(path: string, query: Query): Promise<T> {
  const call = api.GET as unknown as (
    path: string,
    init: { params: { query: Query } },
  ) => Promise<{ data?: T; error?: { message?: string }; response: Response }>;
  const { data, error, response } = await call(path, { params: { query } });
  if (data === undefined) throw new Error(error?.message ?? `${response.status}`);
  return data;
}

const scoped = (q: BoardQuery): Query => ({
  from: q.from,
  to: q.to,
  ...(q.team ? { team: q.team } : {}),
});

export const boardApi: BoardSource = {
  async figures(q) {
    const m = encodeURIComponent(q.municipality);
    const [figures, trend] = await Promise.all([
      get<WireFigures>(`/api/board/${m}/figures`, scoped(q)),
      get<{ days: WireTrendDay[] }>(`/api/board/${m}/trends`, scoped(q)),
    ]);
    return boardFigures(figures, trend.days);
  },
  async county(q) {
    const data = await get<{ items: WireCountyRow[] }>('/api/board/county', {
      from: q.from,
      to: q.to,
    });
    return countyRows(data.items);
  },
  async delegations(q) {
    const m = encodeURIComponent(q.municipality);
    const data = await get<{ items: WireDelegation[] }>(
      `/api/board/${m}/delegations-expiring`,
      q.team ? { team: q.team } : {},
    );
    return data.items;
  },
};
