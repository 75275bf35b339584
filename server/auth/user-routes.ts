import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, roleGate } from './scope.ts';
import { settingsOf } from './sessions.ts';
import { createUser, findUserByName, loadPrincipal } from './users.ts';
import { AppError } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { CreateUserBody, PrincipalSchema } from './schemas.ts';
import { errorResponse } from '../http/schemas.ts';
import { authResponses, bearer } from '../http/security-schemas.ts';

const create = createRoute({
  method: 'post',
  path: '/',
  middleware: roleGate(['admin']),
  tags: ['Authentication'],
  summary: 'Create a user with a role and scope (admin only)',
  security: bearer,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateUserBody } } },
  },
  responses: {
    201: { description: 'The user', content: { 'application/json': { schema: PrincipalSchema } } },
    400: errorResponse('Invalid user'),
    ...authResponses,
    409: errorResponse('The username is taken'),
    422: errorResponse('Unknown municipality, team or staff, or a caregiver without staffId'),
  },
});

export const userRoutes = createRouter().openapi(create, async (c) => {
  requireRole(c, ['admin']);
  const body = c.req.valid('json');
  if (body.role === 'caregiver' && !body.staffId) {
    throw new AppError(400, 'validation_failed', 'A caregiver account needs its staff id', [
      { field: 'body.staffId', message: 'required for role caregiver' },
    ]);
  }
  const db = c.get('deps').database.db;
  if (await findUserByName(db, body.username)) {
    throw new AppError(409, 'conflict', 'The username is taken', [
      { field: 'body.username', message: 'taken' },
    ]);
  }
  const id = await createUser(db, body, settingsOf(c.get('deps')).passwordCost);
  c.get('logger').info('user created', {
    userId: id,
    role: body.role,
    by: c.get('principal').userId,
  });
  return c.json(z.parse(PrincipalSchema, await loadPrincipal(db, id)), 201);
});
