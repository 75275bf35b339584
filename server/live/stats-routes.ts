import { createRoute, z } from '@hono/zod-openapi';
import type { Role } from '../auth/principal.ts';
import { requireRole } from '../auth/scope.ts';
import { DeliveryTiming } from './delivery-timing.ts';
import type { LiveStats } from './hub.ts';
import { createRouter } from '../http/router.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';

/** Who watches the service's health: no patient data, but not for every role either. */
const WATCHERS: readonly Role[] = ['manager', 'admin'];

const LiveStatsSchema = z
  .object({
    connections: z.number().int(),
    municipalities: z.number().int(),
    queued: z.number().int(),
    delivery: z.object({
      events: z.number().int(),
      deliveries: z.number().int(),
      p50Ms: z.number(),
      p95Ms: z.number(),
      p99Ms: z.number(),
      maxMs: z.number(),
    }),
  })
  .openapi('LiveStats');

const stats = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['Operations'],
  summary:
    "This process's live updates: open sockets, queued messages, and since its start how long committed events took to reach the sockets (from the event's time, commit included; manager, admin)",
  security: bearer,
  responses: {
    200: { description: 'Stats', content: { 'application/json': { schema: LiveStatsSchema } } },
    ...authResponses,
  },
});

/** An app without live updates (tests, or a process serving only the API) reports none. */
const NO_LIVE: LiveStats = {
  connections: 0,
  municipalities: 0,
  queued: 0,
  delivery: new DeliveryTiming().summary(),
};

export const liveStatsRoutes = createRouter().openapi(stats, (c) => {
  requireRole(c, WATCHERS);
  return c.json(c.get('deps').liveStats?.() ?? NO_LIVE, 200);
});
