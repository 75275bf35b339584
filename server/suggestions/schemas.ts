import { z } from '@hono/zod-openapi';

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
