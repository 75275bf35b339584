import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { migrationsApplied } from '../../db/migrate.ts';
import { createRouter } from './router.ts';
import { errorResponse } from './schemas.ts';

const Health = z.object({ status: z.literal('ok') }).openapi('Health');
const Ready = z.object({ status: z.literal('ready'), database: z.string() }).openapi('Ready');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness: the process answers',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: Health } } } },
});

const ready = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['Operations'],
  summary: 'Readiness: the database answers and every migration is applied',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Ready } } },
    503: errorResponse('Not ready'),
  },
});

export const healthRoutes = createRouter()
  .openapi(health, (c) => c.json({ status: 'ok' as const }, 200))
  .openapi(ready, async (c) => {
    const { database } = c.get('deps');
    try {
      await database.db.execute(sql`select 1`);
    } catch {
      return c.json(
        { error: { code: 'unavailable', message: 'The database does not answer', details: [] } },
        503,
      );
    }
    if (!(await migrationsApplied(database))) {
      return c.json(
        { error: { code: 'unavailable', message: 'Migrations are not applied yet', details: [] } },
        503,
      );
    }
    return c.json({ status: 'ready' as const, database: database.raw.kind }, 200);
  });
