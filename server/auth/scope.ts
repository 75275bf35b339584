import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../http/errors.ts';
import { type Principal, type Role, inMunicipalityScope } from './principal.ts';

/**
 * Emergency access (nödåtkomst): a dispatcher or caregiver who must act for a patient outside
 * their scope states why in this header; the read is allowed, logged with the reason and
 * flagged for review. Only reads: nobody changes a foreign patient's data by emergency.
 */
export const EMERGENCY_HEADER = 'X-Emergency-Access-Reason';
export const EMERGENCY_ROLES: readonly Role[] = ['dispatcher', 'caregiver'];

/** What rows a request may see, applied as SQL conditions by the services. */
export interface DataScope {
  /** null: every municipality (admin, or emergency access). */
  municipalities: string[] | null;
  /** Caregiver: only visits assigned to this staff id, and only the patients of those visits. */
  staffId: string | null;
  /** Narrower staff scope; empty = the whole municipality. */
  teams: string[];
}

// A caregiver account without a staff row sees nothing (the database forbids it anyway).
const NO_STAFF = '00000000-0000-0000-0000-000000000000';

export function dataScope(p: Principal, emergency = false): DataScope {
  if (emergency || p.role === 'admin') return { municipalities: null, staffId: null, teams: [] };
  if (p.role === 'caregiver')
    return { municipalities: p.municipalities, staffId: p.staffId ?? NO_STAFF, teams: [] };
  return { municipalities: p.municipalities, staffId: null, teams: p.teams };
}

export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new AppError(401, 'unauthenticated', 'Log in first');
  return p;
}

/** The role gate of a route: other roles get 403 (the route exists, they may not use it). */
export function requireRole(c: Context<AppEnv>, roles: readonly Role[]): Principal {
  const p = principalOf(c);
  if (!roles.includes(p.role))
    throw new AppError(403, 'forbidden', `The role ${p.role} may not do this`);
  return p;
}

/**
 * The role gate as a route's middleware (createRoute's `middleware`): it runs before the
 * request is validated, so a role that may not use the route gets 403 whatever it sent,
 * not 400 about its input.
 */
export const roleGate =
  (roles: readonly Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    requireRole(c, roles);
    await next();
  };

/** A municipality named in the request must be in scope (403), unless by emergency access. */
export function assertMunicipalityAllowed(
  p: Principal,
  code: string,
  field: string,
  emergency = false,
): void {
  if (emergency || inMunicipalityScope(p, code)) return;
  throw new AppError(403, 'forbidden', `Municipality ${code} is outside your scope`, [
    { field, message: 'outside your scope' },
  ]);
}

/** The stated reason of an emergency access, or null; refuses a bad or disallowed one. */
export function emergencyReason(c: Context<AppEnv>): string | null {
  const raw = c.req.header(EMERGENCY_HEADER);
  if (raw === undefined) return null;
  const field = `header.${EMERGENCY_HEADER.toLowerCase()}`;
  const reason = raw.trim();
  if (reason.length < 10 || reason.length > 500) {
    throw new AppError(400, 'validation_failed', 'Emergency access needs a stated reason', [
      { field, message: 'state the reason in 10 to 500 characters' },
    ]);
  }
  if (c.req.method !== 'GET') {
    throw new AppError(400, 'validation_failed', 'Emergency access is for reading only', [
      { field, message: 'not allowed on changes' },
    ]);
  }
  const p = principalOf(c);
  if (!EMERGENCY_ROLES.includes(p.role)) {
    throw new AppError(403, 'forbidden', `The role ${p.role} has no emergency access`, [
      { field, message: `only ${EMERGENCY_ROLES.join(' and ')}` },
    ]);
  }
  return reason;
}

/**
 * Emergency access is for a patient one must act for: single records, or a list narrowed to
 * one patient by its exact id (`exactId`), never a list of many (403).
 */
export function refuseEmergencyList(reason: string | null, exactId?: string): void {
  if (reason === null || exactId !== undefined) return;
  throw new AppError(
    403,
    'emergency_access_not_for_lists',
    'Emergency access reads one patient: ask for the record, or filter by the patient id',
    [
      {
        field: `header.${EMERGENCY_HEADER.toLowerCase()}`,
        message: 'not allowed on a list of many patients',
      },
    ],
  );
}
