import { eq, sql } from 'drizzle-orm';
import { reusableQuery } from '../../db/reusable-query.ts';
import { patients, visits } from '../../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../http/errors.ts';
import { checkVisitWindow, requiredProfession } from './create-visit.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import type { UrgentVisitInput } from './dispatch-schemas.ts';
import {
  type PlanningDeps,
  RANKING_RETRY_AFTER_SECONDS,
  RankingBusy,
  type Suggestion,
  suggestCaregivers,
} from '../suggestions/suggestions.ts';
import { type VisitState, commitAndPublish, visitState } from './visit-state.ts';

const patientQuery = reusableQuery<{ municipalityCode: string }[]>('urgent_patient', (db) =>
  db
    .select({ municipalityCode: patients.municipalityCode })
    .from(patients)
    .where(eq(patients.id, sql.placeholder('id'))),
);
/** Response targets (DOMAIN.md: an assumption, so a setting): priority 1 in 1 h, 2 in 4 h. */
export const DEFAULT_RESPONSE_MINUTES = { urgent1: 60, urgent2: 240 } as const;

export interface UrgentDeps extends PlanningDeps {
  responseMinutes?: Partial<Record<'urgent1' | 'urgent2', number>>;
}

function invalid(details: ErrorDetail[]): AppError {
  return new AppError(400, 'validation_failed', 'The request is not valid', details);
}

/** The window: the one given, else from now until the response target of the priority. */
function urgentWindow(deps: UrgentDeps, input: UrgentVisitInput): { start: Date; end: Date } {
  const now = deps.now();
  if ((input.windowStart === undefined) !== (input.windowEnd === undefined)) {
    const field = input.windowStart === undefined ? 'body.windowStart' : 'body.windowEnd';
    throw invalid([{ field, message: 'give both windowStart and windowEnd, or neither' }]);
  }
  if (input.windowStart !== undefined && input.windowEnd !== undefined) {
    // The same window rule as every visit's (services/create-visit.ts).
    const window = checkVisitWindow(input.windowStart, input.windowEnd, now);
    if (!window.ok) throw invalid(window.problems);
    return { start: window.start, end: window.end };
  }
  const minutes =
    input.responseMinutes ??
    deps.responseMinutes?.[input.priority] ??
    DEFAULT_RESPONSE_MINUTES[input.priority];
  return { start: now, end: new Date(now.getTime() + minutes * 60_000) };
}

export interface UrgentVisitResult {
  visit: VisitState;
  suggestions: Suggestion[];
  /** Set when the ranking was overloaded: the visit is registered, ask for suggestions again. */
  suggestionsUnavailable?: { reason: 'busy'; retryAfterSeconds: number };
}

/**
 * An urgent call (fall, blocked catheter, pain): registers the visit and its event, then
 * ranks who could go, from the routes as they stand now.
 */
export async function registerUrgentVisit(
  deps: UrgentDeps,
  input: UrgentVisitInput,
): Promise<UrgentVisitResult> {
  const window = urgentWindow(deps, input);
  const profession = requiredProfession(input.taskTypes);
  if (!profession) {
    throw invalid([
      {
        field: 'body.taskTypes',
        message: 'these tasks need different professions: register one visit each',
      },
    ]);
  }
  await assertMunicipality(deps.db, input.municipality, 'body.municipality');
  const { visit, row } = await commitAndPublish(deps, async (tx, emit) => {
    const [patient] = await patientQuery(tx, { id: input.patientId });
    if (!patient || patient.municipalityCode !== input.municipality) {
      throw new AppError(404, 'not_found', 'Patient not found in this municipality', [
        { field: 'body.patientId', message: 'no such patient in the municipality' },
      ]);
    }
    const [row] = await tx
      .insert(visits)
      .values({
        municipalityCode: input.municipality,
        patientId: input.patientId,
        windowStart: window.start,
        windowEnd: window.end,
        windowHard: false,
        durationMinutes: input.durationMinutes,
        taskTypes: input.taskTypes,
        requiredProfession: profession,
        staffCount: input.staffCount,
        priority: input.priority,
        source: 'urgent_call',
      })
      .returning();
    // A new visit has no caregivers yet: its state is the inserted row.
    const state = visitState(row, []);
    await emit(input.municipality, 'visit.created', { visit: state });
    return { visit: state, row };
  });
  try {
    const suggestions = await suggestCaregivers(deps, visit.id, input.limit, {
      ...row,
      assignees: [],
    });
    return { visit, suggestions };
  } catch (err) {
    // The call is registered and broadcast: an overloaded ranking must not turn that into
    // an error the dispatcher would retry (registering the call twice).
    if (!(err instanceof RankingBusy)) throw err;
    const busy = { reason: 'busy' as const, retryAfterSeconds: RANKING_RETRY_AFTER_SECONDS };
    return { visit, suggestions: [], suggestionsUnavailable: busy };
  }
}
