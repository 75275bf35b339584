import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { bearerToken, clientAddress } from './middleware.ts';
import { dummyHash, verifyPassword } from './password.ts';
import type { LoginLimiter } from './rate-limit.ts';
import { principalOf } from './scope.ts';
import { openSession, revokeSession, settingsOf } from './sessions.ts';
import { findUserByName, loadPrincipal } from './users.ts';
import { AppError } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { LoginBody, PrincipalSchema, SessionSchema } from './schemas.ts';
import { errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['Authentication'],
  summary: 'Log in with username and password; returns a bearer token',
  security: [],
  request: { body: { required: true, content: { 'application/json': { schema: LoginBody } } } },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: SessionSchema } } },
    400: errorResponse('Bad body'),
    401: errorResponse('Wrong username or password'),
    429: errorResponse('Too many attempts: wait Retry-After seconds'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['Authentication'],
  summary: 'Log out: the token stops working at once',
  security: bearer,
  responses: { 204: { description: 'Logged out' }, ...authResponses },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Authentication'],
  summary: 'Who you are logged in as, with your scope',
  security: bearer,
  responses: {
    200: { description: 'You', content: { 'application/json': { schema: PrincipalSchema } } },
    ...authResponses,
  },
});

const wrong = () => new AppError(401, 'unauthenticated', 'Wrong username or password');

export function authRoutes(deps: AppDeps, limiter: LoginLimiter) {
  return createRouter()
    .openapi(login, async (c) => {
      const { username, password } = c.req.valid('json');
      const wait = limiter.check(username, clientAddress(c));
      if (wait) {
        c.get('logger').warn('log-in rate limited', { retryAfter: wait });
        throw new AppError(429, 'rate_limited', 'Too many log-in attempts', [], {
          'Retry-After': String(wait),
        });
      }
      const user = await findUserByName(deps.database.db, username);
      // Same work whether or not the user exists: no probing usernames by timing.
      const cost = settingsOf(deps).passwordCost;
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash(cost)));
      const principal = ok && user ? await loadPrincipal(deps.database.db, user.id) : null;
      if (!principal) {
        c.get('logger').info('log-in failed');
        throw wrong();
      }
      const session = await openSession(deps, principal.userId);
      c.get('logger').info('logged in', { userId: principal.userId, role: principal.role });
      return c.json(
        { ...session, expiresAt: session.expiresAt.toISOString(), user: principal },
        200,
      );
    })
    .openapi(logout, async (c) => {
      principalOf(c);
      await revokeSession(deps, bearerToken(c)!);
      return c.body(null, 204);
    })
    .openapi(me, (c) => c.json(principalOf(c), 200));
}
