/**
 * The signed-in session: token and user, kept in sessionStorage (one tab, gone when it
 * closes). The server decides what the role may do; the page only picks the role's view.
 */
import { signal } from '@preact/signals';
import type { components } from '../api/schema.d.ts';
import { forgetUnlessOwner, keepDrafts } from './kept-drafts.ts';

export type Principal = components['schemas']['Principal'];
export interface Session {
  token: string;
  expiresAt: string;
  user: Principal;
}

const KEY = 'hemsjukvard.session';

function restore(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const session = signal<Session | null>(restore());
/** Why the last session ended, for the log-in page to say ('expired': a 401). */
export const endedBecause = signal<'expired' | 'logout' | null>(null);

export function startSession(s: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
  forgetUnlessOwner(s.user.userId);
  endedBecause.value = null;
  session.value = s;
}

export function endSession(reason: 'expired' | 'logout'): void {
  if (!session.value) return;
  // An expiry is not the user's choice: what they typed comes back after the next log-in.
  if (reason === 'expired') keepDrafts(session.value.user.userId);
  sessionStorage.removeItem(KEY);
  endedBecause.value = reason;
  session.value = null;
}
