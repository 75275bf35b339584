import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { ZodError } from 'zod';
import { AppError } from '../http/errors.ts';
import { createRouter, zodDetails } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';
import { API_KEY_HEADER, integrationClientOf, requireIntegrationClient } from './client-auth.ts';
import { DischargeMessage, MessageReceipt } from './message-schemas.ts';
import { proposeOnReady } from './propose-visits.ts';
import { receiveMessage } from './receive-message.ts';

const intake = createRoute({
  method: 'post',
  path: '/messages',
  tags: ['Discharge'],
  summary:
    'A message from the region’s discharge integration (Lifecare SP): admission, update, ready for discharge, planned discharge, discharged, cancelled',
  description:
    'For the region’s system client only, with its API key in X-Api-Key (scoped to municipalities). Idempotent by messageId: the same message again changes nothing and gets the same answer (header Idempotent-Replay: true); the same id with other content is 409. Messages may come in any order: the case applies them in the order they were sent (sentAt), so an older update arriving late overwrites nothing newer, and a ready-for-discharge before its admission notice creates the case. A refused message is stored nowhere and logged without its content.',
  security: [{ apiKey: [] }],
  request: {
    body: { required: true, content: { 'application/json': { schema: DischargeMessage } } },
  },
  responses: {
    200: {
      description: 'Received (or received before: the same answer)',
      content: { 'application/json': { schema: MessageReceipt } },
    },
    400: errorResponse('Not a valid message: the field is named'),
    401: errorResponse(`No valid API key in ${API_KEY_HEADER}`),
    403: errorResponse('A person’s log-in, or a municipality outside the client’s scope'),
    409: errorResponse(
      'The messageId was used for another message, or the stay has another patient',
    ),
    422: errorResponse('No such patient in the municipality'),
  },
  middleware: [requireIntegrationClient],
});

export const dischargeIntakeRoutes = createRouter().openapi(
  intake,
  async (c) => {
    const deps = c.get('deps');
    const client = integrationClientOf(c);
    const message = c.req.valid('json');
    try {
      const { receipt, replayed } = await receiveMessage(
        { db: deps.database.db, bus: deps.bus, now: deps.now },
        client,
        c.get('requestId'),
        message,
        proposeOnReady,
      );
      if (replayed) c.header('Idempotent-Replay', 'true');
      return c.json(receipt, 200);
    } catch (err) {
      if (err instanceof AppError)
        refused(
          c,
          err.details.map((d) => d.field ?? ''),
          message.kind,
        );
      throw err;
    }
  },
  (result, c): undefined => {
    if (result.success) return undefined;
    const details = zodDetails('body', result.error as ZodError);
    refused(
      c,
      details.map((d) => d.field ?? ''),
      undefined,
    );
    throw new AppError(400, 'validation_failed', 'The message is not valid', details);
  },
);

/** A refused message is logged by its fields' names only: never its content (patient data). */
function refused(c: Context<AppEnv>, fields: string[], kind: string | undefined): void {
  c.get('logger').warn('discharge message refused', {
    client: c.get('integrationClient')?.name,
    kind,
    fields,
  });
}
