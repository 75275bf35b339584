import type { Database } from '../../db/client.ts';
import type { EventBus } from './event-bus.ts';
import { createEventStore } from './event-store.ts';
import { createLocalEventBus } from './local-bus.ts';
import type { FanoutOptions } from './ordered-fanout.ts';
import { createPgEventBus } from './pg-bus.ts';

/** The bus that fits the database: LISTEN/NOTIFY on PostgreSQL, in-process on PGlite. */
export function createEventBus(database: Database, options: FanoutOptions = {}): Promise<EventBus> {
  const store = createEventStore(database.db);
  return database.raw.kind === 'postgres'
    ? createPgEventBus(database.raw.client, store, options)
    : Promise.resolve(createLocalEventBus(store, options));
}
