import type { CommandActor } from '../commands/run-command.ts';
import type { UrgentVisitInput } from './dispatch-schemas.ts';
import {
  type PlanningDeps,
  RANKING_RETRY_AFTER_SECONDS,
  RankingBusy,
  type Suggestion,
  suggestWithReasons,
} from '../suggestions/suggestions.ts';
import type { NoSuggestions } from '../suggestions/no-suggestion-reasons.ts';
import { createVisit, invalid } from './create-visit.ts';
import type { VisitState } from './visit-state.ts';

/** Response targets (DOMAIN.md: an assumption, so a setting): priority 1 in 1 h, 2 in 4 h. */
export const DEFAULT_RESPONSE_MINUTES = { urgent1: 60, urgent2: 240 } as const;

export interface UrgentDeps extends PlanningDeps {
  responseMinutes?: Partial<Record<'urgent1' | 'urgent2', number>>;
}

/**
 * The window: the one given, else from now until the response target of the priority.
 * Either way it is checked as every new visit's is (createVisit).
 */
function urgentWindow(deps: UrgentDeps, input: UrgentVisitInput): { start: string; end: string } {
  if ((input.windowStart === undefined) !== (input.windowEnd === undefined)) {
    const field = input.windowStart === undefined ? 'body.windowStart' : 'body.windowEnd';
    throw invalid([{ field, message: 'give both windowStart and windowEnd, or neither' }]);
  }
  if (input.windowStart !== undefined && input.windowEnd !== undefined)
    return { start: input.windowStart, end: input.windowEnd };
  const now = deps.now();
  const minutes =
    input.responseMinutes ??
    deps.responseMinutes?.[input.priority] ??
    DEFAULT_RESPONSE_MINUTES[input.priority];
  const end = new Date(now.getTime() + minutes * 60_000);
  return { start: now.toISOString(), end: end.toISOString() };
}

export interface UrgentVisitResult {
  visit: VisitState;
  suggestions: Suggestion[];
  /** Set when nobody can take the visit: why (see noSuggestionReasons). */
  noSuggestions?: NoSuggestions;
  /** Set when the ranking was overloaded: the visit is registered, ask for suggestions again. */
  suggestionsUnavailable?: { reason: 'busy'; retryAfterSeconds: number };
}

/**
 * An urgent call (fall, blocked catheter, pain): registers the visit and its event, then
 * ranks who could go, from the routes as they stand now.
 */
export async function registerUrgentVisit(
  deps: UrgentDeps,
  actor: CommandActor,
  input: UrgentVisitInput,
): Promise<UrgentVisitResult> {
  const window = urgentWindow(deps, input);
  const { visit, row } = await createVisit(deps, actor, {
    municipality: input.municipality,
    patientId: input.patientId,
    windowStart: window.start,
    windowEnd: window.end,
    windowHard: false,
    durationMinutes: input.durationMinutes,
    taskTypes: input.taskTypes,
    staffCount: input.staffCount,
    priority: input.priority,
    source: 'urgent_call',
  });
  try {
    const ranked = await suggestWithReasons(deps, visit.id, input.limit, {
      ...row,
      assignees: [],
    });
    return { visit, ...ranked };
  } catch (err) {
    // The call is registered and broadcast: an overloaded ranking must not turn that into
    // an error the dispatcher would retry (registering the call twice).
    if (!(err instanceof RankingBusy)) throw err;
    const busy = { reason: 'busy' as const, retryAfterSeconds: RANKING_RETRY_AFTER_SECONDS };
    return { visit, suggestions: [], suggestionsUnavailable: busy };
  }
}
