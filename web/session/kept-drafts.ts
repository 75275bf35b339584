/**
 * What the user typed, kept across an expired session: when the session ends by expiry (a
 * 401, the socket's sessionEnded), each open form's keeper is asked for its draft, and the
 * drafts go to sessionStorage (this tab only) tagged with the user. After logging in again
 * the same user gets them back; another user's log-in drops them unread. Keepers leave out
 * passwords and keep no more patient data than the user chose (id and name).
 */
const KEY = 'hemsjukvard.kept';

type Keeper = () => unknown;
const keepers = new Map<string, Keeper>();

interface Kept {
  owner: string;
  drafts: Record<string, unknown>;
}

/** Registers a form's keeper (null or undefined: nothing to keep); returns the unregister. */
export function keepOnExpiry(name: string, keeper: Keeper): () => void {
  keepers.set(name, keeper);
  return () => {
    if (keepers.get(name) === keeper) keepers.delete(name);
  };
}

function read(): Kept | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const kept = raw ? (JSON.parse(raw) as Kept) : null;
    return kept && typeof kept.owner === 'string' && typeof kept.drafts === 'object' ? kept : null;
  } catch {
    return null;
  }
}

/** The session of `owner` expired: store what the open forms hold. */
export function keepDrafts(owner: string): void {
  const drafts: Record<string, unknown> = {};
  for (const [name, keep] of keepers) {
    const draft = keep();
    if (draft !== null && draft !== undefined) drafts[name] = draft;
  }
  if (Object.keys(drafts).length > 0)
    sessionStorage.setItem(KEY, JSON.stringify({ owner, drafts }));
}

/** Whether anything is kept (the log-in page says so). */
export const hasKeptDrafts = (): boolean => read() !== null;

/** A session started: another user's drafts are dropped unread. */
export function forgetUnlessOwner(owner: string): void {
  const kept = read();
  if (kept && kept.owner !== owner) sessionStorage.removeItem(KEY);
}

/** The kept draft `name` of `owner`, taken (removed) so it comes back once. */
export function takeDraft(name: string, owner: string): unknown {
  const kept = read();
  if (!kept || kept.owner !== owner || !(name in kept.drafts)) return null;
  const { [name]: draft, ...rest } = kept.drafts;
  if (Object.keys(rest).length > 0)
    sessionStorage.setItem(KEY, JSON.stringify({ owner, drafts: rest }));
  else sessionStorage.removeItem(KEY);
  return draft;
}
