/**
 * What other layers (the WebSocket hub in server/live) use for access control:
 *
 * - `authenticateToken(deps, token)`: the principal of a bearer token, or null. At the
 *   WebSocket handshake, refuse the upgrade on null.
 * - `inMunicipalityScope(principal, code)`: refuse a subscription outside it.
 * - `recordAccess(db, actor, action, subjects, at)`: one audit row per patient whose details a
 *   snapshot includes (action e.g. 'live.snapshot'), before sending it.
 */
export { authenticateSession, authenticateToken, type AuthDeps } from './sessions.ts';
export { inMunicipalityScope, type Principal, type Role, ROLES } from './principal.ts';
export { dataScope, type DataScope } from './scope.ts';
export { recordAccess, type AuditActor, type AuditSubject } from '../audit/record.ts';
