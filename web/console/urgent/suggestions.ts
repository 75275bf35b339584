/** Who could take an unassigned visit, ranked by the server (never re-ranked here). */
import { api, type Schemas } from '../../api/client.ts';

export type Suggestion = Schemas['Suggestion'];
/** Why nobody was suggested (only on an empty answer): a staff count per reason. */
export type NoSuggestions = Schemas['NoSuggestions'];

/** What the suggestions are for: the visit as it was when they were ranked. */
export interface TargetVisit {
  id: string;
  version: number;
  status: Schemas['Visit']['status'];
  priority: Schemas['Visit']['priority'];
  taskTypes: Schemas['Visit']['taskTypes'];
  staffCount: number;
  windowStart: string;
  windowEnd: string;
  assignees: { staffId: string; plannedStart: string }[];
}

export type SuggestionsRead =
  | { kind: 'ok'; suggestions: Suggestion[]; noSuggestions?: NoSuggestions }
  | { kind: 'busy'; retryAfterSeconds: number }
  | { kind: 'failed'; message: string };

/** The most the keys 1–5 reach; the server's own default limit. */
export const SHOWN_SUGGESTIONS = 5;

export async function fetchSuggestions(visitId: string): Promise<SuggestionsRead> {
  try {
    const { data, error, response } = await api.GET('/api/dispatch/visits/{id}/suggestions', {
      params: { path: { id: visitId }, query: { limit: SHOWN_SUGGESTIONS } },
    });
    if (data)
      return { kind: 'ok', suggestions: data.suggestions, noSuggestions: data.noSuggestions };
    if (response.status === 503)
      return { kind: 'busy', retryAfterSeconds: Number(response.headers.get('retry-after') ?? 5) };
    return { kind: 'failed', message: error?.error.message ?? String(response.status) };
  } catch {
    return { kind: 'failed', message: '' };
  }
}
