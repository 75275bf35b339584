import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env.ts';
import { authenticate } from './auth/middleware.ts';
import { loginLimiter } from './auth/rate-limit.ts';
import { PositionStore } from './dispatch/positions.ts';
import { ProposalStore } from './dispatch/proposals.ts';
import { errorBody } from './errors.ts';
import { handleError } from './middleware/error-handler.ts';
import { limitBody, requireJson } from './middleware/json-body.ts';
import { requestId } from './middleware/request-id.ts';
import { requestLog } from './middleware/request-log.ts';
import { noStore, securityHeaders } from './middleware/security-headers.ts';
import { docsRoutes } from './openapi/docs.ts';
import { auditRoutes } from './routes/audit.ts';
import { dispatchStaffRoutes } from './routes/dispatch-staff.ts';
import { dispatchVisitRoutes } from './routes/dispatch-visits.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { liveStatsRoutes } from './routes/live-stats.ts';
import { municipalityRoutes } from './routes/municipalities.ts';
import { patientRoutes } from './routes/patients.ts';
import { staffRoutes } from './routes/staff.ts';
import { userRoutes } from './routes/users.ts';
import { visitRoutes } from './routes/visits.ts';

export const API_VERSION = '0.2.0';

/** Builds the whole HTTP app from its dependencies; tests call `app.request()` on it. */
export function createApp(given: AppDeps) {
  // One position store per app (per process) unless given; proposals are in the database.
  const deps: AppDeps = {
    ...given,
    positions: given.positions ?? new PositionStore(),
    proposals: given.proposals ?? new ProposalStore(given.database.db),
  };
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestId(), requestLog(deps), securityHeaders());
  // Authentication comes before the body checks: without a log-in nothing else is revealed.
  app.use('/api/*', noStore(), authenticate(deps), limitBody(64 * 1024), requireJson());
  app.onError(handleError);
  app.notFound((c) =>
    c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404),
  );

  app.route('/', healthRoutes);
  app.route('/api/auth', authRoutes(deps, loginLimiter(deps.now)));
  app.route('/api/users', userRoutes);
  app.route('/api/municipalities', municipalityRoutes);
  app.route('/api/staff', staffRoutes);
  app.route('/api/patients', patientRoutes);
  app.route('/api/visits', visitRoutes);
  app.route('/api/audit', auditRoutes);
  app.route('/api/dispatch', dispatchVisitRoutes);
  app.route('/api/dispatch', dispatchStaffRoutes);
  app.route('/api/live', liveStatsRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /api/auth/login',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Hemsjukvård dispatch API',
      version: API_VERSION,
      description:
        'Scheduling and dispatch for home health care in Stockholm County. Times are UTC with a Europe/Stockholm copy beside them. Log in with POST /api/auth/login and send the token as a bearer token; every read of patient data is audited.',
    },
  });
  app.route('/docs', docsRoutes);
  return app;
}

export type App = ReturnType<typeof createApp>;
