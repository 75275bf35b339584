import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { municipalities } from '../../../db/schema/index.ts';
import { createEventBus } from '../../../server/live/create-bus.ts';
import { type EventBus, type LiveEvent, toLiveEvent } from '../../../server/live/event-bus.ts';
import { appendEvent } from '../../../server/events/append-events.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';

const muni = (code: string) => ({
  code,
  name: `M${code}`,
  lat: 59.3,
  lon: 18,
  population: 1,
  areaKm2: 1,
});

/** Appends in its own transaction, then publishes after commit, as a service does. */
async function appendAndPublish(database: Database, bus: EventBus | null, code: string, n: number) {
  const e = await database.db.transaction((tx) => appendEvent(tx, code, 'visit.updated', { n }));
  const event = toLiveEvent(e);
  if (bus) await bus.publish(event);
  return event;
}

describe.each(dbKinds())('event bus on %s', (kind) => {
  let database: Database;
  let bus: EventBus;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await database.db.insert(municipalities).values([muni('0180'), muni('0184')]);
    bus = await createEventBus(database);
  });
  afterAll(async () => {
    await bus.close();
    await database.close();
  });

  it('delivers committed events in order, once, per municipality', async () => {
    const got: number[] = [];
    const sub = bus.subscribe('0180', (e) => got.push(e.seq));
    await sub.ready;
    const published: LiveEvent[] = [];
    for (let i = 0; i < 5; i++) published.push(await appendAndPublish(database, bus, '0180', i));
    await appendAndPublish(database, bus, '0184', 0);
    await vi.waitFor(() => expect(got).toEqual(published.map((e) => e.seq)));
    sub.unsubscribe();
  });
});

describe.skipIf(!inject('pgUrl'))('PostgreSQL bus across processes (two connections)', () => {
  let a: Database;
  let b: Database;
  let busA: EventBus;
  let busB: EventBus;
  beforeAll(async () => {
    a = await freshDatabase('postgres');
    if (a.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    b = await openDatabase({ kind: 'postgres', url: a.raw.url, maxConnections: 3 });
    await a.db.insert(municipalities).values([muni('0180'), muni('0184')]);
    busA = await createEventBus(a);
    busB = await createEventBus(b);
  });
  afterAll(async () => {
    await busA.close();
    await busB.close();
    await b.close();
    await a.close();
  });

  it('an event published through one process reaches the other in order, exactly once', async () => {
    const atB: LiveEvent[] = [];
    const atA: number[] = [];
    const subB = busB.subscribe('0180', (e) => atB.push(e));
    const subA = busA.subscribe('0180', (e) => atA.push(e.seq));
    await Promise.all([subA.ready, subB.ready]);
    const published: LiveEvent[] = [];
    // Both processes write; A also publishes concurrently (out of commit order at times).
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        published.push(await appendAndPublish(i % 2 ? a : b, i % 2 ? busA : busB, '0180', i));
      }),
    );
    const seqs = published.map((e) => e.seq).sort((x, y) => x - y);
    await vi.waitFor(() => expect(atB.map((e) => e.seq)).toEqual(seqs));
    await vi.waitFor(() => expect(atA).toEqual(seqs));
    const first = published.find((e) => e.seq === atB[0].seq)!;
    expect(atB[0]).toEqual({
      municipalityCode: '0180',
      seq: first.seq,
      type: 'visit.updated',
      payload: first.payload,
      at: first.at,
    });
    await new Promise((r) => setTimeout(r, 100)); // late NOTIFYs must not repeat anything
    expect(atB).toHaveLength(20);
    subA.unsubscribe();
    subB.unsubscribe();
  });

  it('fills a gap from the table: an event committed but never published still arrives', async () => {
    const atB: number[] = [];
    const sub = busB.subscribe('0184', (e) => atB.push(e.seq));
    await sub.ready;
    const silent = await appendAndPublish(a, null, '0184', 1); // a crash between commit and publish
    const loud = await appendAndPublish(a, busA, '0184', 2);
    await vi.waitFor(() => expect(atB).toEqual([silent.seq, loud.seq]));
    sub.unsubscribe();
  });

  it('catches up after its LISTEN connection is lost (NOTIFYs sent meanwhile are gone)', async () => {
    const atB: number[] = [];
    const sub = busB.subscribe('0180', (e) => atB.push(e.seq));
    await sub.ready;
    const silent = await appendAndPublish(a, null, '0180', 99); // announced to no one
    if (a.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    await a.raw.client`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query ilike 'listen%'`;
    await vi.waitFor(() => expect(atB).toEqual([silent.seq]), { timeout: 5000 });
    sub.unsubscribe();
  });
});
