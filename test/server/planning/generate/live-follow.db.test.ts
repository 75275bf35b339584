import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { carePlans } from '../../../../db/schema/index.ts';
import { SYSTEM } from '../../../../server/commands/run-command.ts';
import { createEventBus } from '../../../../server/live/create-bus.ts';
import type { EventBus } from '../../../../server/live/event-bus.ts';
import { LiveState } from '../../../../server/live-state/live-state.ts';
import { loadMunicipalityState } from '../../../../server/live-state/load-state.ts';
import type { MunicipalityState } from '../../../../server/live-state/municipality-state.ts';
import { generateDay } from '../../../../server/planning/generate/generate-day.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import { P, insertCarePlanWorld } from './support/care-plan-world.ts';

const visitsOf = (s: MunicipalityState) => ({
  seq: s.seq,
  visits: [...s.visits.values()].sort((a, b) => a.id.localeCompare(b.id)),
});

/** What a live console is fed: the generated day arrives by events, as a fresh read has it. */
describe.each(dbKinds())('the live state follows a generated day on %s', (kind) => {
  let database: Database;
  let bus: EventBus;
  let live: LiveState;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertCarePlanWorld(database.db);
    bus = await createEventBus(database);
    live = new LiveState({ db: database.db, bus, now: () => P.now, refreshMs: 0 });
    await live.start(['0180']);
  });
  afterAll(async () => {
    await live.close();
    await bus.close();
    await database.close();
  });

  it('added, updated and cancelled visits, without reading the municipality again', async () => {
    const deps = { db: database.db, bus, now: () => P.now };
    // Saturday 21 March, the day after the clock's now: in the loaded period.
    const generate = () =>
      generateDay(deps, SYSTEM, { municipality: '0180', date: '2026-03-21', team: null });
    const seen: string[] = [];
    const stop = live.observe((change) => seen.push(change.kind));
    const added = await generate();
    expect(added.counts.added).toBe(2);
    await database.db.update(carePlans).set({ windowEnd: '11:00' }).where(eq(carePlans.id, P.lift));
    await database.db
      .update(carePlans)
      .set({ validTo: '2026-03-20' })
      .where(eq(carePlans.id, P.night));
    const changed = await generate();
    expect(changed.counts).toMatchObject({ updated: 1, removed: 1 });
    const kept = live.get('0180')!;
    await vi.waitFor(() => expect(kept.seq).toBeGreaterThan(0));
    const fresh = (await loadMunicipalityState(database.db, '0180', P.now))!;
    await vi.waitFor(() => expect(visitsOf(live.get('0180')!)).toEqual(visitsOf(fresh)));
    const lift = changed.changes.find((c) => c.kind === 'updated')!.visit;
    expect(live.visit(lift.id)).toMatchObject({
      windowEnd: new Date('2026-03-21T10:00:00Z'), // 11:00 CET
      version: 2,
      status: 'unassigned',
    });
    const night = changed.changes.find((c) => c.kind === 'removed')!.visit;
    expect(live.visit(night.id)?.status).toBe('cancelled');
    stop();
    // One 'read' (reported at once when observing), then every event applied in place.
    expect(seen.filter((k) => k === 'read')).toHaveLength(1);
    expect(seen.filter((k) => k === 'applied')).toHaveLength(6);
  });
});
