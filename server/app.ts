import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env.ts';
import { authenticate } from './auth/middleware.ts';
import { loginLimiter } from './auth/rate-limit.ts';
import { errorBody } from './http/errors.ts';
import { handleError } from './http/error-handler.ts';
import { limitBody, requireJson } from './http/json-body.ts';
import { requestId } from './http/request-id.ts';
import { requestLog } from './http/request-log.ts';
import { noStore, securityHeaders, tileOrigins } from './http/security-headers.ts';
import { docsRoutes } from './http/openapi-docs.ts';
import { auditRoutes } from './audit/routes.ts';
import { lateRiskRoutes } from './late-risk/routes.ts';
import { dayRouteRoutes } from './day-routes/routes.ts';
import { generateRoutes } from './planning/generate/routes.ts';
import { positionRoutes } from './positions/routes.ts';
import { sickCallRoutes } from './sick-calls/routes.ts';
import { suggestionRoutes } from './suggestions/routes.ts';
import { dispatchVisitRoutes } from './visits/dispatch-routes.ts';
import { authRoutes } from './auth/routes.ts';
import { healthRoutes } from './http/health-routes.ts';
import { liveStatsRoutes } from './live/stats-routes.ts';
import { municipalityRoutes } from './municipalities/routes.ts';
import { patientRoutes } from './patients/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { teamRoutes } from './teams/routes.ts';
import { userRoutes } from './auth/user-routes.ts';
import { visitRoutes } from './visits/routes.ts';
import { travelRoutes } from './travel/routes.ts';
import { boardRoutes } from './board/routes.ts';
import { webApp } from './web/web-routes.ts';
import { planningJobRoutes } from './planning/jobs/routes.ts';
import { comparisonRoutes } from './planning/compare/routes.ts';
import { planningSettingsRoutes } from './planning/settings/routes.ts';
import { planningMoveRoutes } from './planning/moves/routes.ts';
import { dischargeCaseRoutes } from './discharge/case-routes.ts';
import { dischargeClientRoutes } from './discharge/client-routes.ts';
import { dischargeIntakeRoutes } from './discharge/intake-routes.ts';
import { dischargeSettingsRoutes } from './discharge/settings-routes.ts';
import { API_KEY_HEADER } from './discharge/client-auth.ts';

export const API_VERSION = '0.2.0';

/**
 * Builds the whole HTTP app from its dependencies (composeServer gives them, for main.ts and
 * the tests alike); tests call `app.request()` on it.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(
    '*',
    requestId(),
    requestLog(deps),
    securityHeaders({ imgOrigins: tileOrigins(deps.mapTileUrl) }),
  );
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
  app.route('/api/teams', teamRoutes);
  app.route('/api/patients', patientRoutes);
  app.route('/api/visits', visitRoutes);
  app.route('/api/audit', auditRoutes);
  app.route('/api/dispatch', dispatchVisitRoutes);
  app.route('/api/dispatch', suggestionRoutes);
  app.route('/api/dispatch', positionRoutes);
  app.route('/api/dispatch', sickCallRoutes);
  app.route('/api/dispatch', lateRiskRoutes);
  app.route('/api/dispatch', dayRouteRoutes);
  app.route('/api/live', liveStatsRoutes);
  app.route('/api/planning', generateRoutes);
  app.route('/api/planning', planningJobRoutes);
  app.route('/api/planning', comparisonRoutes);
  app.route('/api/planning', planningSettingsRoutes);
  app.route('/api/planning', planningMoveRoutes);
  app.route('/api/travel', travelRoutes);
  app.route('/api/board', boardRoutes);
  app.route('/api/discharge', dischargeIntakeRoutes);
  app.route('/api/discharge', dischargeCaseRoutes);
  app.route('/api/discharge', dischargeClientRoutes);
  app.route('/api/discharge', dischargeSettingsRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /api/auth/login',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'apiKey',
    in: 'header',
    name: API_KEY_HEADER,
    description: "A system client's API key (the region's discharge integration)",
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
  // Last: the browser app answers what no route above did (its own paths fall back to it).
  app.get('*', webApp(deps.webDist, { mapTileUrl: deps.mapTileUrl }));
  return app;
}

export type App = ReturnType<typeof createApp>;
