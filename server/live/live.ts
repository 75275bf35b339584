import type { Database } from '../../db/client.ts';
import type { Logger } from '../logger.ts';
import { createEventBus } from './create-bus.ts';
import type { EventBus } from './event-bus.ts';
import { createEventStore } from './event-store.ts';
import { LiveHub } from './hub.ts';
import type { HubLimits } from './limits.ts';
import type { PositionStore } from '../positions/positions.ts';
import { createPositionBus, type PositionBus } from './position-bus.ts';
import { createSnapshotProvider } from './snapshot.ts';

export interface Live {
  /** Services publish committed events here. */
  bus: EventBus;
  /** Every position, to the hubs of every process (ephemeral, beside the events). */
  positionBus: PositionBus;
  /** attachWebSocket connects sockets to it. */
  hub: LiveHub;
  /** Closes every live connection (goingAway), then the bus. */
  close(): Promise<void>;
}

/**
 * The live layer with its defaults: the bus that fits the database, the event log, the day
 * snapshot. `now` dates the service day; the hub's timeouts run on the real clock. Every
 * position kept in `positions` goes out on the position bus to the hubs of all processes.
 */
export async function createLive(deps: {
  database: Database;
  logger: Logger;
  now: () => Date;
  positions: PositionStore;
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
  const positionBus = await createPositionBus(deps.database);
  const unobserve = deps.positions.observe((p) =>
    positionBus.publish({
      municipalityCode: p.municipalityCode,
      staffId: p.staffId,
      lat: p.lat,
      lon: p.lon,
      at: p.at.toISOString(),
      status: p.status,
    }),
  );
  const hub = new LiveHub({
    bus,
    positions: positionBus,
    store: createEventStore(deps.database.db),
    snapshotProvider: createSnapshotProvider(deps.database.db, deps.now),
    logger,
    limits: deps.limits,
  });
  const stopRevalidating = deps.principals?.onInvalidate(() => void hub.revalidate());
  return {
    bus,
    positionBus,
    hub,
    close: async () => {
      stopRevalidating?.();
      unobserve();
      await hub.close();
      await positionBus.close();
      await bus.close();
    },
  };
}
