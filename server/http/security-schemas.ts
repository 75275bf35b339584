import { errorResponse } from './schemas.ts';

/** The OpenAPI security requirement of every route that needs a log-in. */
export const bearer = [{ bearer: [] }];

/** Responses every authenticated route may give. */
export const authResponses = {
  401: errorResponse('Not logged in, or the session has expired or was revoked'),
  403: errorResponse('Your role or scope does not allow this'),
};

/** The emergency-access header, documented on the routes that honour it. */
export const emergencyHeaderDoc = {
  name: 'X-Emergency-Access-Reason',
  in: 'header' as const,
  required: false,
  description:
    'Emergency access (nödåtkomst) outside your scope, dispatcher and caregiver only, reads only, of one patient (a single record, or visits filtered by patient; lists of many get 403 emergency_access_not_for_lists): the reason (10-500 characters) is logged and the access flagged for review',
  schema: { type: 'string' as const },
};
