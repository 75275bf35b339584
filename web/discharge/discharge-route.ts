/**
 * Where the discharge pages live: the address's hash (#utskrivning, #utskrivning/<case id>),
 * so a link from any header reaches them, the back button works, and each role's own view
 * stays where it was.
 */
import { signal } from '@preact/signals';
import type { Principal } from '../session/session.ts';

type Role = Principal['role'];

const PREFIX = '#utskrivning';

export type DischargeRoute = { view: 'list' } | { view: 'case'; id: string } | null;

function parse(hash: string): DischargeRoute {
  if (hash === PREFIX) return { view: 'list' };
  if (hash.startsWith(`${PREFIX}/`)) return { view: 'case', id: hash.slice(PREFIX.length + 1) };
  return null;
}

export const dischargeRoute = signal<DischargeRoute>(parse(globalThis.location?.hash ?? ''));
globalThis.addEventListener?.('hashchange', () => {
  dischargeRoute.value = parse(location.hash);
});

export const listHref = PREFIX;
export const caseHref = (id: string) => `${PREFIX}/${id}`;

/** The roles the server lets read cases (DISCHARGE_READERS) and confirm visits (PLANNERS). */
export const canReadDischarge = (role: Role) =>
  role === 'dispatcher' || role === 'scheduler' || role === 'manager' || role === 'admin';
export const canConfirmVisits = (role: Role) =>
  role === 'dispatcher' || role === 'scheduler' || role === 'admin';
