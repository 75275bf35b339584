import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { shifts, visits } from '../../../db/schema/index.ts';
import { createEventStore } from '../../../server/live/event-store.ts';
import { createSnapshotProvider } from '../../../server/live/snapshot.ts';
import { appendEvent } from '../../../server/events/append-events.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';

describe.each(dbKinds())('default snapshot provider on %s', (kind) => {
  let database: Database;
  const now = () => new Date('2026-11-23T12:00:00Z');
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await database.db.insert(shifts).values({
      staffId: IDS.rn,
      municipalityCode: '0180',
      kind: 'day',
      startsAt: new Date('2026-11-23T06:00:00Z'),
      endsAt: new Date('2026-11-23T14:30:00Z'),
    });
  });
  afterAll(async () => database.close());

  it("returns the service day's visits, their assignments and the staff on shift, with ids for patients", async () => {
    const snap = await createSnapshotProvider(database.db, now)('0180');
    expect(snap?.seq).toBe(0);
    const state = JSON.parse(JSON.stringify(snap?.state));
    expect(state.visits.map((v: any) => v.id)).toEqual([IDS.visitMorning, IDS.visitEvening]);
    expect(state.visits[0]).toMatchObject({
      patientId: IDS.patient,
      status: 'unassigned',
      assignments: [],
    });
    expect(state.shifts).toEqual([
      expect.objectContaining({
        staffId: IDS.rn,
        name: 'Anna Andersson',
        profession: 'rn',
        kind: 'day',
      }),
    ]);
    const text = JSON.stringify(state);
    for (const secret of ['Test Patient', 'Exempelvägen', 'portkod'])
      expect(text).not.toContain(secret);
  });

  it('returns null for a municipality that does not exist', async () => {
    expect(await createSnapshotProvider(database.db, now)('9999')).toBeNull();
  });

  it('reads state and seq from the same moment while writers commit', async () => {
    const provider = createSnapshotProvider(database.db, now);
    const store = createEventStore(database.db);
    // Each write flips the visit's status and records the new status in its event.
    const writer = async (i: number) =>
      database.db.transaction(async (tx) => {
        const status = i % 2 ? 'assigned' : 'unassigned';
        await tx.update(visits).set({ status }).where(eq(visits.id, IDS.visitMorning));
        await appendEvent(tx, '0180', 'visit.status', { status });
      });
    const checks: Promise<void>[] = [];
    for (let i = 1; i <= 20; i++) {
      checks.push(writer(i));
      checks.push(
        provider('0180').then(async (snap) => {
          const visit = (snap!.state as any).visits.find((v: any) => v.id === IDS.visitMorning);
          if (snap!.seq === 0) return expect(visit.status).toBe('unassigned');
          const [event] = await store.readAfter('0180', snap!.seq - 1, 1);
          expect((event.payload as any).status).toBe(visit.status);
        }),
      );
    }
    await Promise.all(checks);
    expect((await provider('0180'))!.seq).toBe(20);
  });

  it('carries each caregiver’s newest logged position of the last 30 minutes', async () => {
    const fix = (staffId: string, minutesAgo: number, lat: number) => ({
      staffId,
      lat,
      lon: 18.06,
      at: new Date(now().getTime() - minutesAgo * 60_000).toISOString(),
      status: 'available',
    });
    await database.db.transaction(async (tx) => {
      await appendEvent(tx, '0180', 'staff.position', fix(IDS.rn, 10, 59.1));
      await appendEvent(tx, '0180', 'staff.position', fix(IDS.rn, 5, 59.2));
      await appendEvent(tx, '0180', 'staff.position', fix(IDS.an, 120, 59.3));
    });
    const snap = await createSnapshotProvider(database.db, now)('0180');
    expect((snap!.state as any).positions).toEqual([fix(IDS.rn, 5, 59.2)]);
  });
});
