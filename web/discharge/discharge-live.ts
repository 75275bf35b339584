/**
 * The discharge views follow the live feed: one socket per municipality, shared by every
 * discharge view on the page (the header's count, the list, a case, the board's figures), so a
 * region's message, a confirmation or new liability rules reach them without a reload. The
 * events carry a case's id only: each view fetches what it shows again (audited as any read).
 */
import { LiveConnection } from '../live/live-connection.ts';
import { endSession } from '../session/session.ts';

/** What a discharge view hears: a case changed (its id), or every clock did (new rules). */
export type DischargeChange = { kind: 'case'; caseId: string } | { kind: 'all' };
type Listener = (change: DischargeChange) => void;

const CASE_UPDATED = 'discharge.case_updated';
const SETTINGS_CHANGED = 'discharge.settings_changed';

interface Feed {
  connection: LiveConnection;
  listeners: Set<Listener>;
}
const feeds = new Map<string, Feed>();

const tell = (feed: Feed, change: DischargeChange) => {
  for (const listener of [...feed.listeners]) listener(change);
};

/** Follows one municipality's discharge events until the returned function is called. */
export function followDischarge(token: string, municipality: string, listener: Listener) {
  const key = `${municipality}|${token}`;
  let feed = feeds.get(key);
  if (!feed) {
    const created: Feed = { connection: null!, listeners: new Set() };
    created.connection = new LiveConnection(token, municipality, {
      // Every snapshot: the first one too, since a view fetched before the socket subscribed
      // and a message in between would otherwise never show (seen in a browser test under
      // load); a later one means the feed was away too long to replay.
      snapshot: () => {
        tell(created, { kind: 'all' });
      },
      event: (m) => {
        if (m.eventType === SETTINGS_CHANGED) tell(created, { kind: 'all' });
        else if (m.eventType === CASE_UPDATED) {
          const caseId = (m.payload as { caseId?: unknown } | null)?.caseId;
          if (typeof caseId === 'string') tell(created, { kind: 'case', caseId });
        }
      },
      sessionEnded: () => endSession('expired'),
    });
    created.connection.open();
    feeds.set(key, created);
    feed = created;
  }
  const mine = feed;
  mine.listeners.add(listener);
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size > 0) return;
    mine.connection.close();
    feeds.delete(key);
  };
}
