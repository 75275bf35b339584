/**
 * The board's one contact with the figures API (server/board/routes.ts), through
 * web/api/client.ts: the period's figures and the days' trends of a municipality (or team),
 * the county comparison of the municipalities in the user's scope, and the delegations running
 * out. Everything else in web/board/ reads what this file returns (mapped by from-wire.ts).
 */
import { api } from '../api/client.ts';
import type { BoardQuery, BoardSource } from './board-source.ts';
import { boardFigures, countyRows } from './from-wire.ts';
import { addDays } from './period.ts';

interface Reply<T> {
  data?: T | string;
  error?: { error?: { message?: string } };
  response: Response;
}

/**
 * The JSON body of a reply, or an error with the server's message (it names the field) or the
 * status. The routes also answer CSV (format=csv), which the board does not ask for.
 */
function json<T>({ data, error, response }: Reply<T>): T {
  if (data === undefined || typeof data === 'string')
    throw new Error(error?.error?.message ?? `${response.status}`);
  return data;
}

const scoped = (q: BoardQuery) => ({
  params: {
    path: { municipality: q.municipality },
    query: { from: q.from, to: q.to, ...(q.team ? { team: q.team } : {}) },
  },
});

export const boardApi: BoardSource = {
  async figures(q) {
    // The tiles' trend: the last 7 full days (today is not over) against the 7 before, each
    // the figures of those days, so a share is the ratio of their sums.
    const last = addDays(q.to, -1);
    const week = (to: string) =>
      api.GET('/api/board/{municipality}/figures', scoped({ ...q, from: addDays(to, -6), to }));
    const [figures, trends, before, after] = await Promise.all([
      api.GET('/api/board/{municipality}/figures', scoped(q)),
      api.GET('/api/board/{municipality}/trends', scoped(q)),
      week(addDays(last, -7)),
      week(last),
    ]);
    return {
      ...boardFigures(json(figures), json(trends).days),
      lastWeeks: {
        before: boardFigures(json(before), []).values,
        after: boardFigures(json(after), []).values,
      },
    };
  },
  async county(q) {
    const reply = await api.GET('/api/board/county', {
      params: { query: { from: q.from, to: q.to } },
    });
    return countyRows(json(reply).items);
  },
  async delegations(q) {
    const reply = await api.GET('/api/board/{municipality}/delegations-expiring', {
      params: { path: { municipality: q.municipality }, query: q.team ? { team: q.team } : {} },
    });
    return json(reply).items;
  },
  async economics(q) {
    return json(await api.GET('/api/board/{municipality}/economics', scoped(q))).items;
  },
  // One request per week (4–5 for 28 days, 14 for 90): each the figures of that week alone.
  async weeks(q, spans) {
    return Promise.all(
      spans.map(async (w) => {
        const reply = await api.GET(
          '/api/board/{municipality}/figures',
          scoped({ ...q, from: w.from, to: w.to }),
        );
        return { key: w.key, values: boardFigures(json(reply), []).values };
      }),
    );
  },
};
