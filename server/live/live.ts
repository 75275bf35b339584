import type { Database } from '../../db/client.ts';
import type { Logger } from '../logger.ts';
import { createEventBus } from './create-bus.ts';
import type { EventBus } from './event-bus.ts';
import { createEventStore } from './event-store.ts';
import { LiveHub } from './hub.ts';
import type { HubLimits } from './limits.ts';
import { createSnapshotProvider } from './snapshot.ts';

export interface Live {
  /** Services publish committed events here. */
  bus: EventBus;
  /** attachWebSocket connects sockets to it. */
  hub: LiveHub;
  /** Closes every live connection (goingAway), then the bus. */
  close(): Promise<void>;
}

/**
 * The live layer with its defaults: the bus that fits the database, the event log, the day
 * snapshot. `now` dates the service day; the hub's timeouts run on the real clock.
 */
export async function createLive(deps: {
  database: Database;
  logger: Logger;
  now: () => Date;
  limits?: Partial<HubLimits>;
  /**
   * The principal cache (server/auth): each invalidation (a log-out or disabled user, here
   * or, by NOTIFY, in another process) has the hub check its sockets' sessions again.
   */
  principals?: { onInvalidate(listener: () => void): () => void };
}): Promise<Live> {
  const logger = deps.logger.child({ component: 'live' });
  const bus = await createEventBus(deps.database, {
    onError: (err, municipality) => logger.warn('live bus error', { municipality, err }),
  });
  const hub = new LiveHub({
    bus,
    store: createEventStore(deps.database.db),
    snapshotProvider: createSnapshotProvider(deps.database.db, deps.now),
    logger,
    limits: deps.limits,
  });
  const stopRevalidating = deps.principals?.onInvalidate(() => void hub.revalidate());
  return {
    bus,
    hub,
    close: async () => {
      stopRevalidating?.();
      await hub.close();
      await bus.close();
    },
  };
}
