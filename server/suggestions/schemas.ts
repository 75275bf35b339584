import { z } from '@hono/zod-openapi';
import { NO_SUGGESTION_REASONS } from './no-suggestion-reasons.ts';

/** One ranked caregiver for a visit, with the reasons a dispatcher weighs. */
export const SuggestionSchema = z
  .object({
    staffId: z.string(),
    name: z.string(),
    eta: z.string(),
    etaLocal: z.string(),
    addedTravelSeconds: z.number(),
    latenessCausedSeconds: z.number(),
    ownLatenessSeconds: z.number(),
    knowsPatient: z.boolean(),
    competence: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('profession') }),
      z.object({ kind: z.literal('delegation'), validTo: z.string() }),
    ]),
    shiftEndsAt: z.string(),
    shiftEndsAtLocal: z.string(),
    secondsLeftInShift: z.number(),
    overtimeSeconds: z.number(),
    fromLivePosition: z.boolean(),
  })
  .openapi('Suggestion');

/** Why nobody was suggested (noSuggestionReasons), in the answers that rank. */
export const NoSuggestionsSchema = z
  .array(z.object({ reason: z.enum(NO_SUGGESTION_REASONS), staffCount: z.number().int() }))
  .openapi('NoSuggestions', {
    description:
      'Only when no caregiver is suggested: why not, with how many of the staff for each ' +
      'reason (excluded_by_patient, competence, not_on_shift, route_not_read, ' +
      'shift_ends_first: cannot be free and done before the shift ends with its overtime, ' +
      'window_missed: cannot reach a hard window, no_place). A route already late or past ' +
      'its limits is no reason: it is ranked by what the visit adds.',
  });
