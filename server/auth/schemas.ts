import { z } from '@hono/zod-openapi';
import { ROLES } from './principal.ts';
import { MunicipalityCode, Uuid } from '../http/schemas.ts';

export const Username = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{3,64}$/, 'must be 3-64 letters, digits or . _ @ -')
  .openapi({ example: 'dispatcher-0180' });

export const LoginBody = z
  .object({
    username: Username,
    password: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
  })
  .strict()
  .openapi('Login');

export const PrincipalSchema = z
  .object({
    userId: z.string(),
    username: z.string(),
    role: z.enum(ROLES),
    municipalities: z.array(z.string()),
    teams: z.array(z.string()),
    staffId: z.string().nullable(),
  })
  .openapi('Principal');

export const SessionSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as Authorization: Bearer <token>' }),
    expiresAt: z.string(),
    user: PrincipalSchema,
  })
  .openapi('Session');

export const CreateUserBody = z
  .object({
    username: Username,
    password: z.string().min(12, 'must be at least 12 characters').max(256),
    role: z.enum(ROLES),
    municipalities: z.array(MunicipalityCode).max(26).default([]),
    teams: z.array(Uuid).max(100).default([]),
    staffId: Uuid.nullable().default(null),
  })
  .strict()
  .openapi('CreateUser');
