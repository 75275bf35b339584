import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { appendEvent } from '../../../server/events/append-events.ts';
import { LateRiskDedupe, emitLateRiskEvents } from '../../../server/late-risk/late-risk.ts';
import { assignVisit, unassignVisit } from '../../../server/visits/assign-visit.ts';
import { reportSick } from '../../../server/sick-calls/report-sick.ts';
import { ProposalStore } from '../../../server/sick-calls/proposals.ts';
import { updateVisitStatus } from '../../../server/visits/visit-status.ts';
import { solve } from '../../../solver/solve.ts';
import { visits } from '../../../db/schema/index.ts';
import { createEventBus } from '../../../server/live/create-bus.ts';
import { type EventBus, toLiveEvent } from '../../../server/live/event-bus.ts';
import { LiveState } from '../../../server/live-state/live-state.ts';
import { loadMunicipalityState } from '../../../server/live-state/load-state.ts';
import type { MunicipalityState } from '../../../server/live-state/municipality-state.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';
import { SYSTEM } from '../../../server/commands/run-command.ts';

const now = new Date('2026-11-23T08:00:00Z'); // 09:00 Stockholm
const V = '50000000-0000-4000-8000-000000000001'; // insulin at 10:00-11:00 Stockholm

async function insertWorldWithVisit(db: Database['db']) {
  await insertWorld(db);
  await db.insert(visits).values({
    id: V,
    municipalityCode: '0180',
    patientId: W.patient,
    windowStart: new Date('2026-11-23T09:00:00Z'),
    windowEnd: new Date('2026-11-23T10:00:00Z'),
    durationMinutes: 20,
    taskTypes: ['insulin_pen'],
    requiredProfession: 'rn',
  });
}

/** What must agree between the state kept from events and the state read afresh. */
function comparable(s: MunicipalityState) {
  return {
    seq: s.seq,
    visits: [...s.visits.values()].sort((a, b) => a.id.localeCompare(b.id)),
    shifts: [...s.staff.values()].map((m) => [m.id, m.shifts]).sort(),
    known: [...s.patients.values()].map((p) => [p.id, [...p.knownStaffIds].sort()]).sort(),
    routes: [...s.staff.keys()].sort().map((id) => [
      id,
      s
        .routeOf(id)
        .map((r) => r.visit.id)
        .sort(),
    ]),
  };
}

describe.each(dbKinds())('live state on %s', (kind) => {
  let database: Database;
  let bus: EventBus;
  let live: LiveState;
  const deps = () => ({ db: database.db, bus, now: () => now });
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorldWithVisit(database.db);
    bus = await createEventBus(database);
    live = new LiveState({ db: database.db, bus, now: () => now, refreshMs: 0 });
    await live.start();
  });
  afterAll(async () => {
    await live.close();
    await bus.close();
    await database.close();
  });

  it('reads every municipality at start', () => {
    const s = live.get('0180')!;
    expect(s.visits.get(W.visitLift)).toMatchObject({ staffCount: 2, status: 'unassigned' });
    expect(s.staff.get(W.rn)?.shifts).toHaveLength(1);
    expect(s.patients.get(W.patient)?.excludedStaffIds).toEqual([W.an2]);
    expect(live.get('9999')).toBeUndefined();
  });

  it('follows writes through the services, ending where a fresh read is', async () => {
    const planned = '2026-11-23T09:00:00.000Z';
    let v = await assignVisit(deps(), SYSTEM, {
      visitId: V,
      staffIds: [W.an],
      expectedVersion: 1,
      plannedStart: planned,
    });
    expect(
      live
        .get('0180')!
        .routeOf(W.an)
        .map((r) => r.visit.id),
    ).toEqual([V]);
    v = await updateVisitStatus(deps(), SYSTEM, {
      visitId: V,
      status: 'en_route',
      expectedVersion: v.version,
    });
    await updateVisitStatus(deps(), SYSTEM, {
      visitId: V,
      status: 'in_progress',
      expectedVersion: v.version,
    });
    // Meeting the patient makes the caregiver known to them.
    expect(live.get('0180')!.patients.get(W.patient)!.knownStaffIds.has(W.an)).toBe(true);
    const lift = await assignVisit(deps(), SYSTEM, {
      visitId: W.visitLift,
      staffIds: [W.rn, W.an],
      expectedVersion: 1,
      plannedStart: '2026-11-23T09:00:00.000Z',
    });
    await unassignVisit(deps(), SYSTEM, { visitId: W.visitLift, expectedVersion: lift.version });
    await reportSick(
      {
        ...deps(),
        proposals: new ProposalStore(database.db),
        solve: async (input, o) => solve(input, { ...o, clock: () => 0, maxIterations: 10 }),
      },
      SYSTEM,
      { staffId: W.rn, timeLimitMs: 100 },
    );
    const kept = live.get('0180')!;
    const fresh = (await loadMunicipalityState(database.db, '0180', now))!;
    await vi.waitFor(() => expect(comparable(kept)).toEqual(comparable(fresh)));
    expect(kept.staff.get(W.rn)!.shifts[0].endsAt).toEqual(now);
  });

  it('knows the late risks another process raised, so this one does not raise them again', async () => {
    const alert = {
      visitId: V,
      staffId: W.an,
      version: 99,
      eta: now.toISOString(),
      etaLocal: '',
      windowEnd: now.toISOString(),
      windowEndLocal: '',
      lateBySeconds: 60,
    };
    const e = await database.db.transaction((tx) =>
      appendEvent(tx, '0180', 'visit.late_risk', alert),
    );
    await bus.publish(toLiveEvent(e));
    await vi.waitFor(() => expect(live.get('0180')!.lateRisks.get(V)).toBe(99));
    const withState = { ...deps(), liveState: live };
    expect(await emitLateRiskEvents(withState, '0180', [alert], new LateRiskDedupe())).toEqual([]);
    const next = { ...alert, version: 100 };
    expect(await emitLateRiskEvents(withState, '0180', [next], new LateRiskDedupe())).toEqual([
      next,
    ]);
  });

  it('reads the municipality again after an event it cannot follow', async () => {
    const before = live.get('0180')!;
    const e = await database.db.transaction((tx) =>
      appendEvent(tx, '0180', 'day.planned', { assigned: 0, unassigned: 0 }),
    );
    await bus.publish(toLiveEvent(e));
    await vi.waitFor(() => expect(live.get('0180')).not.toBe(before));
    expect(live.get('0180')!.seq).toBe(e.seq);
  });
});

describe.skipIf(!inject('pgUrl'))('live state in two processes on one PostgreSQL', () => {
  let a: Database;
  let b: Database;
  let busA: EventBus;
  let busB: EventBus;
  let liveB: LiveState;
  beforeAll(async () => {
    a = await freshDatabase('postgres');
    if (a.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    await insertWorldWithVisit(a.db);
    b = await openDatabase({ kind: 'postgres', url: a.raw.url, maxConnections: 3 });
    busA = await createEventBus(a);
    busB = await createEventBus(b);
    liveB = new LiveState({ db: b.db, bus: busB, now: () => now, refreshMs: 0 });
    await liveB.start(['0180']);
  });
  afterAll(async () => {
    await liveB.close();
    await busB.close();
    await busA.close();
    await b.close();
    await a.close();
  });

  it('a write through one process reaches the state of the other', async () => {
    await assignVisit({ db: a.db, bus: busA, now: () => now }, SYSTEM, {
      visitId: V,
      staffIds: [W.rn],
      expectedVersion: 1,
      plannedStart: now.toISOString(),
    });
    await vi.waitFor(() =>
      expect(
        liveB
          .get('0180')!
          .routeOf(W.rn)
          .map((r) => r.visit.id),
      ).toContain(V),
    );
    const fresh = (await loadMunicipalityState(a.db, '0180', now))!;
    expect(comparable(liveB.get('0180')!)).toEqual(comparable(fresh));
  });
});
