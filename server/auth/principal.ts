/**
 * Who is calling. Set by the authentication middleware on every /api request (except log-in
 * and public reference data) and by the WebSocket handshake.
 */
export const ROLES = ['dispatcher', 'scheduler', 'manager', 'caregiver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  userId: string;
  username: string;
  role: Role;
  /** Municipality codes this user works in; an admin may have none and still see all. */
  municipalities: string[];
  /** Optional narrower scope inside those municipalities. Empty = the whole municipality. */
  teams: string[];
  /** The caregiver's own staff id (role caregiver): they see only their route and its patients. */
  staffId: string | null;
}

/** True when the principal may work with data of this municipality. */
export function inMunicipalityScope(p: Principal, municipalityCode: string): boolean {
  return p.role === 'admin' || p.municipalities.includes(municipalityCode);
}
