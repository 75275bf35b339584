import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { visits } from '../../../db/schema/index.ts';
import { assignVisit } from '../../../server/visits/assign-visit.ts';
import { POSITION_MAX_AGE_MS, PositionStore } from '../../../server/positions/positions.ts';
import { rankCaregivers } from '../../../server/suggestions/rank-caregivers.ts';
import { MAX_QUEUED, MAX_WAIT_MS, RankWorker } from '../../../server/suggestions/rank-in-worker.ts';
import { RankPool } from '../../../server/suggestions/rank-pool.ts';
import { UrgentVisitInput } from '../../../server/visits/dispatch-schemas.ts';
import { RankingBusy, suggestCaregivers } from '../../../server/suggestions/suggestions.ts';
import { registerUrgentVisit } from '../../../server/visits/urgent-visit.ts';
import { createEventBus } from '../../../server/live/create-bus.ts';
import type { EventBus } from '../../../server/live/event-bus.ts';
import { LiveState } from '../../../server/live-state/live-state.ts';
import { createLogger } from '../../../server/logger.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';
import { SYSTEM } from '../../../server/commands/run-command.ts';

const now = new Date('2026-11-23T08:00:00Z'); // 09:00 Stockholm, day shifts running
const URGENT = '50000000-0000-4000-8000-000000000002';
const OTHER = '50000000-0000-4000-8000-000000000003';

const unassigned = (id: string, start: string, end: string) => ({
  id,
  municipalityCode: '0180',
  patientId: W.patient,
  windowStart: new Date(start),
  windowEnd: new Date(end),
  durationMinutes: 20,
  taskTypes: ['supervision' as const],
  requiredProfession: 'an' as const,
});

describe.each(dbKinds())('ranking suggestions on a worker thread, on %s', (kind) => {
  let database: Database;
  let bus: EventBus;
  let live: LiveState;
  let worker: RankWorker;
  const positions = new PositionStore();
  const deps = () => ({ db: database.db, bus, now: () => now, positions, liveState: live });
  const inThread = () =>
    rankCaregivers(live.get('0180')!, live.visit(URGENT)!, {
      now,
      limit: 5,
      positionOf: (id) => positions.get(id, now),
    });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    await database.db
      .insert(visits)
      .values([
        unassigned(URGENT, '2026-11-23T08:00:00Z', '2026-11-23T12:00:00Z'),
        unassigned(OTHER, '2026-11-23T08:30:00Z', '2026-11-23T09:30:00Z'),
      ]);
    bus = await createEventBus(database);
    live = new LiveState({ db: database.db, bus, now: () => now, refreshMs: 0 });
    await live.start();
    worker = new RankWorker(live, createLogger('silent'), positions);
    await worker.start();
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await live.close();
    await bus.close();
    await database.close();
  });

  it('ranks as the main thread does, on its copy of the live state', async () => {
    const expected = inThread();
    expect(expected.length).toBeGreaterThan(0);
    expect(await worker.rank('0180', live.visit(URGENT)!, now, 5)).toEqual(expected);
  });

  it('a pool of two workers ranks as the main thread does, each on its own copy', async () => {
    const second = new RankWorker(live, createLogger('silent'), positions);
    await second.start();
    try {
      const pool = new RankPool([worker, second]);
      const expected = inThread();
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() => pool.rank('0180', live.visit(URGENT)!, now, 5)),
      );
      for (const a of answers) expect(a).toEqual(expected);
      expect(await second.rank('0180', live.visit(URGENT)!, now, 5)).toEqual(expected);
      expect(worker.waiting).toBe(0);
    } finally {
      await second.close();
    }
    expect(second.waiting).toBe(-1);
  });

  it('follows the events the live state applies, and the positions phones report', async () => {
    const before = live.get('0180')!.seq;
    await assignVisit(deps(), SYSTEM, {
      visitId: OTHER,
      staffIds: [W.an],
      expectedVersion: 1,
      plannedStart: '2026-11-23T08:30:00.000Z',
    });
    await vi.waitFor(() => expect(live.get('0180')!.seq).toBe(before + 1));
    positions.set({
      staffId: W.rn,
      municipalityCode: '0180',
      lat: 59.2,
      lon: 18.3,
      at: now,
      status: 'available',
    });
    // A fix too old to count: neither thread starts the caregiver from it.
    positions.set({
      staffId: W.an,
      municipalityCode: '0180',
      lat: 59.4,
      lon: 18.0,
      at: new Date(now.getTime() - POSITION_MAX_AGE_MS - 1),
      status: 'available',
    });
    const expected = inThread();
    expect(expected.find((r) => r.member.id === W.rn)?.fromLivePosition).toBe(true);
    expect(expected.find((r) => r.member.id === W.an)?.fromLivePosition).toBe(false);
    expect(await worker.rank('0180', live.visit(URGENT)!, now, 5)).toEqual(expected);
    // The fixes went with that request; the worker keeps them for the next.
    expect(await worker.rank('0180', live.visit(URGENT)!, now, 5)).toEqual(expected);
  });

  it('gives suggestions equal to those ranked on the main thread', async () => {
    const own = await suggestCaregivers(deps(), URGENT);
    expect(await suggestCaregivers({ ...deps(), rankWorker: worker }, URGENT)).toEqual(own);
  });

  it("answers 'busy' beyond MAX_QUEUED waiting requests, and ranks again once they are done", async () => {
    const visit = live.visit(URGENT)!;
    const answers = await Promise.all(
      Array.from({ length: MAX_QUEUED + 2 }, () => worker.rank('0180', visit, now, 5)),
    );
    expect(answers.map((a) => (Array.isArray(a) ? 'ranked' : a))).toEqual([
      ...Array.from({ length: MAX_QUEUED }, () => 'ranked'),
      'busy',
      'busy',
    ]);
    expect(await worker.rank('0180', visit, now, 5)).toEqual(inThread());
  });

  describe('a request that waited past MAX_WAIT_MS', () => {
    // The main thread's wall clock set back: the worker sees every request as waited too long.
    const late = () => {
      const real = Date.now.bind(Date);
      return vi.spyOn(Date, 'now').mockImplementation(() => real() - MAX_WAIT_MS - 1000);
    };
    afterEach(() => vi.restoreAllMocks());

    it("is answered 'busy' without ranking", async () => {
      late();
      expect(await worker.rank('0180', live.visit(URGENT)!, now, 5)).toBe('busy');
      vi.restoreAllMocks();
      expect(await worker.rank('0180', live.visit(URGENT)!, now, 5)).toEqual(inThread());
    });

    it('gives a 503 with Retry-After for suggestions, not a ranking on the request thread', async () => {
      late();
      const err = await suggestCaregivers({ ...deps(), rankWorker: worker }, URGENT).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RankingBusy);
      expect(err).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    });

    it('still registers an urgent call, saying when to ask for suggestions again', async () => {
      late();
      const before = live.get('0180')!.seq;
      const result = await registerUrgentVisit(
        { ...deps(), rankWorker: worker },
        SYSTEM,
        UrgentVisitInput.parse({
          municipality: '0180',
          patientId: W.patient,
          taskTypes: ['supervision'],
          priority: 'urgent2',
        }),
      );
      expect(result.suggestions).toEqual([]);
      expect(result.suggestionsUnavailable).toEqual({ reason: 'busy', retryAfterSeconds: 1 });
      vi.restoreAllMocks();
      await vi.waitFor(() => expect(live.get('0180')!.seq).toBe(before + 1));
      expect(live.visit(result.visit.id)?.status).toBe('unassigned');
      const again = await suggestCaregivers({ ...deps(), rankWorker: worker }, result.visit.id);
      expect(again.length).toBeGreaterThan(0);
    });
  });

  it('over HTTP: 503 with Retry-After for suggestions, 201 with suggestionsUnavailable for a call', async () => {
    await insertUsers(database.db);
    // The server's own ranking worker, as production runs it.
    const app = await testApp(database, {
      now: () => now,
      config: { RANK_WORKER: 'on', RANK_WORKERS: 1 },
    });
    const auth = bearer(await loginAs(app, 'dispatcher'));
    const real = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => real() - MAX_WAIT_MS - 1000);
    try {
      const res = await app.request(`/api/dispatch/visits/${URGENT}/suggestions`, {
        headers: auth,
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('1');
      expect((await res.json()).error.code).toBe('unavailable');
      const call = await app.request('/api/dispatch/urgent-visits', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          municipality: '0180',
          patientId: W.patient,
          taskTypes: ['supervision'],
          priority: 'urgent1',
        }),
      });
      expect(call.status).toBe(201);
      const body = await call.json();
      expect(body.visit.status).toBe('unassigned');
      expect(body.suggestions).toEqual([]);
      expect(body.suggestionsUnavailable).toEqual({ reason: 'busy', retryAfterSeconds: 1 });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('answers null for a municipality it has no copy of: the caller ranks it', async () => {
    positions.set({
      staffId: W.rn,
      municipalityCode: '0180',
      lat: 59.35,
      lon: 18.1,
      at: now,
      status: 'available',
    });
    expect(await worker.rank('9999', live.visit(URGENT)!, now, 5)).toBeNull();
    // The fix that went with the unanswered request still counts for the next one.
    expect(await worker.rank('0180', live.visit(URGENT)!, now, 5)).toEqual(inThread());
  });

  it('answers null once closed, and suggestions still come from the main thread', async () => {
    const own = await suggestCaregivers(deps(), URGENT);
    const closed = new RankWorker(live, createLogger('silent'));
    await closed.start();
    await closed.close();
    expect(await closed.rank('0180', live.visit(URGENT)!, now, 5)).toBeNull();
    expect(await suggestCaregivers({ ...deps(), rankWorker: closed }, URGENT)).toEqual(own);
  }, 60_000);
});
