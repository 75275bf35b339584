import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog, events, visits } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import type { LiveEvent } from '../../server/live/event-bus.ts';
import { bearer, insertUsers, loginAs, testServer } from '../support/auth.ts';
import { dbKinds, freshDatabase } from '../support/databases.ts';
import { W, insertWorld, recordEvents } from './support/world.ts';
import { inProcessRepairSolve as inProcess } from './planning/support/in-process-solve.ts';

describe.each(dbKinds())('dispatch routes on %s', (kind) => {
  let database: Database;
  let app: App;
  const published: LiveEvent[] = [];
  let dispatcher: Record<string, string>;
  let caregiver: Record<string, string>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    await insertUsers(database.db);
    // Suggestions ranked on the server's worker thread, as production does.
    const server = await testServer(database, {
      now: () => W.now,
      solve: inProcess,
      config: { RANK_WORKER: 'on', RANK_WORKERS: 1 },
    });
    app = server.app;
    await recordEvents(server.deps.bus, '0180', published);
    dispatcher = bearer(await loginAs(app, 'dispatcher'));
    caregiver = bearer(await loginAs(app, 'caregiver')); // the RN
  });
  afterAll(async () => database.close());

  const post = (path: string, body: unknown, headers = dispatcher) =>
    app.request(path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = (path: string, headers = dispatcher) => app.request(path, { headers });
  const lastEvent = async () => {
    const [e] = await database.db
      .select()
      .from(events)
      .where(eq(events.municipalityCode, '0180'))
      .orderBy(desc(events.seq))
      .limit(1);
    return e;
  };
  const seqNow = async () => (await lastEvent())?.seq ?? 0;
  const audited = async (action: string) =>
    (
      await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.patientId, W.patient)))
    )[0].n;
  const version = async (id: string) =>
    (await database.db.select().from(visits).where(eq(visits.id, id)))[0].version;

  /** The change answered with the new state, wrote the next event and published it. */
  async function expectEvent(before: number, type: string, visitId: string) {
    const e = await lastEvent();
    expect(e.seq).toBe(before + 1);
    expect(e.type).toBe(type);
    expect((e.payload as { visit: { id: string } }).visit.id).toBe(visitId);
    expect(published.at(-1)).toMatchObject({ seq: e.seq, type, municipalityCode: '0180' });
  }

  it('suggests caregivers for an unassigned visit, audited', async () => {
    const res = await get(`/api/dispatch/visits/${W.visitMorning}/suggestions?limit=3`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.visitId).toBe(W.visitMorning);
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.length).toBeLessThanOrEqual(3);
    expect(body.suggestions.map((s: any) => s.staffId)).toContain(W.rn);
    expect(await audited('visit.suggestions')).toBe(1);
  });

  it('assigns, refuses a stale version with the current state, reassigns, pins, unpins and unassigns', async () => {
    const id = W.visitMorning;
    let before = await seqNow();
    let res = await post(`/api/dispatch/visits/${id}/assign`, {
      staffIds: [W.rn],
      expectedVersion: 1,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    let state = (await res.json()) as any;
    expect(state).toMatchObject({ id, status: 'assigned', version: 2 });
    expect(state.assignees.map((a: any) => a.staffId)).toEqual([W.rn]);
    await expectEvent(before, 'visit.assigned', id);
    expect(await audited('visit.assign')).toBe(1);

    before = await seqNow();
    res = await post(`/api/dispatch/visits/${id}/assign`, { staffIds: [W.an], expectedVersion: 1 });
    expect(res.status).toBe(409);
    const conflict = (await res.json()) as any;
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.error.details[0].field).toBe('body.expectedVersion');
    expect(conflict.current).toMatchObject({ id, status: 'assigned', version: 2 });
    expect(conflict.current.assignees.map((a: any) => a.staffId)).toEqual([W.rn]);
    expect(await seqNow()).toBe(before);

    // The same route reassigns an assigned visit (the AN holds an insulin delegation).
    res = await post(`/api/dispatch/visits/${id}/assign`, { staffIds: [W.an], expectedVersion: 2 });
    expect(res.status, await res.clone().text()).toBe(200);
    state = await res.json();
    expect(state).toMatchObject({ status: 'assigned', version: 3 });
    expect(state.assignees.map((a: any) => a.staffId)).toEqual([W.an]);
    await expectEvent(before, 'visit.assigned', id);
    expect(await audited('visit.reassign')).toBe(1);

    for (const [action, v, type, pinned] of [
      ['pin', 3, 'visit.pinned', true],
      ['unpin', 4, 'visit.unpinned', false],
    ] as const) {
      before = await seqNow();
      res = await post(`/api/dispatch/visits/${id}/${action}`, { expectedVersion: v });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ pinned, version: v + 1 });
      await expectEvent(before, type, id);
      expect(await audited(`visit.${action}`)).toBe(1);
    }

    before = await seqNow();
    res = await post(`/api/dispatch/visits/${id}/unassign`, { expectedVersion: 5 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'unassigned', version: 6, assignees: [] });
    await expectEvent(before, 'visit.unassigned', id);
    expect(await audited('visit.unassign')).toBe(1);
  });

  it('lets a caregiver report the status of their own visit only', async () => {
    const id = W.visitEvening; // assigned to the RN
    const before = await seqNow();
    // Not a status a caregiver sets.
    let res = await post(
      `/api/dispatch/visits/${id}/status`,
      { status: 'cancelled', expectedVersion: 1 },
      caregiver,
    );
    expect(res.status).toBe(403);
    // Someone else's visit is not found.
    res = await post(
      `/api/dispatch/visits/${W.visitLift}/status`,
      { status: 'en_route', expectedVersion: 1 },
      caregiver,
    );
    expect(res.status).toBe(404);
    expect(await seqNow()).toBe(before);

    res = await post(
      `/api/dispatch/visits/${id}/status`,
      { status: 'en_route', expectedVersion: 1 },
      caregiver,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: 'en_route', version: 2 });
    await expectEvent(before, 'visit.status_changed', id);
    expect(await audited('visit.status')).toBe(1);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await seqNow();
    const v = await version(W.visitLift);
    const cases: [string, unknown, string][] = [
      [`/api/dispatch/visits/${W.visitLift}/assign`, { staffIds: [W.an] }, 'body.expectedVersion'],
      [
        `/api/dispatch/visits/${W.visitLift}/assign`,
        { staffIds: ['nope'], expectedVersion: v },
        'body.staffIds.0',
      ],
      [`/api/dispatch/visits/${W.visitLift}/pin`, { expectedVersion: v, extra: 1 }, 'body'],
      [`/api/dispatch/visits/not-a-uuid/pin`, { expectedVersion: v }, 'path.id'],
      [
        `/api/dispatch/visits/${W.visitLift}/status`,
        { status: 'flying', expectedVersion: v },
        'body.status',
      ],
      [`/api/dispatch/staff/${W.an}/position`, { lat: 91, lon: 18 }, 'body.lat'],
      [`/api/dispatch/staff/${W.an}/sick`, { at: '2027-03-28T02:30' }, 'body.at'],
      // Issue 16: years below 100 were stored as another date; instants have ranges.
      [`/api/dispatch/staff/${W.an}/sick`, { at: '0099-06-01T12:00Z' }, 'body.at'],
      [`/api/dispatch/staff/${W.an}/sick`, { at: '2026-11-01T12:00Z' }, 'body.at'],
      [
        `/api/dispatch/staff/${W.an}/position`,
        { lat: 59, lon: 18, at: '9999-01-01T00:00Z' },
        'body.at',
      ],
      [
        `/api/dispatch/staff/${W.an}/position`,
        { lat: 59, lon: 18, at: '2026-11-25T12:00Z' },
        'body.at',
      ],
      [
        `/api/dispatch/visits/${W.visitLift}/assign`,
        { staffIds: [W.an], expectedVersion: v, plannedStart: '0001-12-05T12:00:00+01:00' },
        'body.plannedStart',
      ],
      [
        `/api/dispatch/visits/${W.visitLift}/assign`,
        { staffIds: [W.an], expectedVersion: v, plannedStart: '2030-01-01T12:00:00+01:00' },
        'body.plannedStart',
      ],
      [
        '/api/dispatch/urgent-visits',
        {
          municipality: '0180',
          patientId: W.patient,
          taskTypes: ['wound_dressing'],
          priority: 'urgent1',
          windowStart: '0001-12-05T12:00:00+01:00',
          windowEnd: '0001-12-05T13:00:00+01:00',
        },
        'body.windowStart',
      ],
      [
        '/api/dispatch/urgent-visits',
        { municipality: '0180', patientId: W.patient, taskTypes: ['wound_dressing'] },
        'body.priority',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await post(path, body);
      const text = await res.text();
      expect(res.status, `${path}: ${text}`).toBe(400);
      const fields = (JSON.parse(text) as any).error.details.map((d: any) => d.field);
      expect(fields, path).toContain(field);
    }
    expect(await seqNow()).toBe(before);
    expect(await version(W.visitLift)).toBe(v);
    expect(published.at(-1)?.seq).toBe(before);
  });

  it('registers an urgent call with suggestions', async () => {
    const before = await seqNow();
    const res = await post('/api/dispatch/urgent-visits', {
      municipality: '0180',
      patientId: W.patient,
      taskTypes: ['insulin_pen'],
      priority: 'urgent1',
      limit: 2,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as any;
    expect(body.visit).toMatchObject({
      status: 'unassigned',
      priority: 'urgent1',
      source: 'urgent_call',
      version: 1,
    });
    expect(Array.isArray(body.suggestions)).toBe(true);
    await expectEvent(before, 'visit.created', body.visit.id);
    expect(await audited('visit.create')).toBe(1);
  });

  it('takes a position from the caregiver themselves, not for someone else', async () => {
    const before = await seqNow();
    let res = await post(
      `/api/dispatch/staff/${W.an}/position`,
      { lat: 59.3, lon: 18.1 },
      caregiver,
    );
    expect(res.status).toBe(404);
    res = await post(
      `/api/dispatch/staff/${W.rn}/position`,
      { lat: 59.3, lon: 18.1, status: 'en_route' },
      caregiver,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ staffId: W.rn, logged: true, status: 'en_route' });
    const e = await lastEvent();
    expect(e).toMatchObject({ seq: before + 1, type: 'staff.position' });
  });

  it('reports a caregiver sick, releases their visits and accepts the repair', async () => {
    const res = await post(`/api/dispatch/staff/${W.rn}/sick`, { timeLimitMs: 200 });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as any;
    expect(body.releasedVisitIds).toEqual([W.visitEvening]);
    expect(body.proposal.municipalityCode).toBe('0180');
    const e = await lastEvent();
    expect(e.type).toBe('staff.sick');
    expect(await audited('visit.release')).toBe(1);

    const accept = await post(`/api/dispatch/repairs/${body.proposal.id}/accept`, {});
    expect(accept.status, await accept.clone().text()).toBe(200);
    const accepted = (await accept.json()) as any;
    expect(accepted.proposalId).toBe(body.proposal.id);
    expect(accepted.accepted.length).toBe(body.proposal.assignments.length);
    // Another dispatcher's municipality does not see the proposal.
    const solna = bearer(await loginAs(app, 'dispatcher', '0184'));
    const other = await post(`/api/dispatch/repairs/${body.proposal.id}/accept`, {}, solna);
    expect(other.status).toBe(404);
  });

  it('lists late risks for a manager, and refuses a foreign municipality', async () => {
    const manager = bearer(await loginAs(app, 'manager'));
    let res = await get('/api/dispatch/late-risks?municipality=0180', manager);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.municipality).toBe('0180');
    expect(Array.isArray(body.alerts)).toBe(true);
    res = await get('/api/dispatch/late-risks?municipality=0184', manager);
    expect(res.status).toBe(403);
    res = await get('/api/dispatch/late-risks', manager);
    expect(res.status).toBe(400);
  });

  it('checks the role before the input: a caregiver gets 403 however bad the request', async () => {
    const res = await get('/api/dispatch/late-risks', caregiver);
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe('forbidden');
    // The other dispatch routes a caregiver may not use, each with an invalid request.
    const refused = [
      await get(`/api/dispatch/visits/${W.visitMorning}/suggestions?limit=0`, caregiver),
      await post('/api/dispatch/urgent-visits', { nonsense: true }, caregiver),
      await post(`/api/dispatch/visits/${W.visitMorning}/assign`, {}, caregiver),
      await post(`/api/dispatch/visits/${W.visitMorning}/unassign`, {}, caregiver),
      await post(`/api/dispatch/visits/${W.visitMorning}/pin`, {}, caregiver),
      await post(`/api/dispatch/visits/${W.visitMorning}/unpin`, {}, caregiver),
      await post(`/api/dispatch/staff/${W.visitMorning}/sick`, {}, caregiver),
      await post(`/api/dispatch/repairs/not-a-uuid/accept`, {}, caregiver),
      // And the other routes with a role gate.
      await post('/api/visits', { nonsense: true }, caregiver),
      await post('/api/users', {}, caregiver),
      await get('/api/audit/patients/not-a-uuid', caregiver),
      await get('/api/audit/review?sample=-1', caregiver),
    ];
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 403));
  });
});
