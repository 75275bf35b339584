import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { delegations, events } from '../../../db/schema/index.ts';
import { assignVisit } from '../../../server/visits/assign-visit.ts';
import { PositionStore, reportPosition } from '../../../server/positions/positions.ts';
import { UrgentVisitInput } from '../../../server/visits/dispatch-schemas.ts';
import { registerUrgentVisit } from '../../../server/visits/urgent-visit.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, failure, insertWorld, recordingBus } from '../support/world.ts';
import { SYSTEM } from '../../../server/commands/run-command.ts';

const now = new Date('2026-11-23T08:00:00Z'); // 09:00 Stockholm, day shifts running

describe.each(dbKinds())('urgent visits and suggestions on %s', (kind) => {
  let database: Database;
  const bus = recordingBus();
  const positions = new PositionStore();
  const deps = () => ({ db: database.db, bus, now: () => now, positions });
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
  });
  afterAll(async () => database.close());

  const call = (over: Partial<Record<string, unknown>> = {}) =>
    registerUrgentVisit(
      deps(),
      SYSTEM,
      UrgentVisitInput.parse({
        municipality: '0180',
        patientId: W.patient,
        taskTypes: ['insulin_pen'],
        priority: 'urgent1',
        ...over,
      }),
    );

  it('registers the call with a 1 h response target and ranks who can go', async () => {
    const { visit, suggestions } = await call();
    expect(visit).toMatchObject({
      source: 'urgent_call',
      priority: 'urgent1',
      status: 'unassigned',
      windowStart: now.toISOString(),
      windowEnd: '2026-11-23T09:00:00.000Z',
    });
    expect(bus.events.map((e) => e.type)).toEqual(['visit.created']);
    const byId = new Map(suggestions.map((s) => [s.staffId, s]));
    // The refused AN and the off-shift night RN are never suggested.
    expect([...byId.keys()].sort()).toEqual([W.rn, W.an].sort());
    expect(byId.get(W.an)).toMatchObject({
      name: 'Bo Berg',
      knowsPatient: true, // the patient's contact
      competence: { kind: 'delegation', validTo: '2026-12-31T00:00:00.000Z' },
      shiftEndsAtLocal: '2026-11-23T16:00:00+01:00',
      secondsLeftInShift: 7 * 3600,
      fromLivePosition: false,
    });
    expect(byId.get(W.rn)!.competence).toEqual({ kind: 'profession' });
    for (const s of suggestions) {
      expect(s.addedTravelSeconds).toBeGreaterThan(0);
      expect(new Date(s.eta) >= now).toBe(true);
      expect(s.etaLocal).toMatch(/\+01:00$/);
    }
    // Taking a suggestion passes the assignment checks.
    const best = suggestions[0];
    const assigned = await assignVisit(deps(), SYSTEM, {
      visitId: visit.id,
      staffIds: [best.staffId],
      expectedVersion: visit.version,
      plannedStart: best.eta,
    });
    expect(assigned.assignees[0].plannedStart).toBe(best.eta);
  });

  it('starts a caregiver at their reported position: at the door, no travel', async () => {
    await reportPosition(deps(), { staffId: W.rn, lat: 59.315, lon: 18.072, status: 'available' });
    const { suggestions } = await call({ priority: 'urgent2' });
    const rn = suggestions.find((s) => s.staffId === W.rn)!;
    expect(rn).toMatchObject({ fromLivePosition: true, eta: now.toISOString() });
    expect(
      await database.db.select().from(events).where(eq(events.type, 'staff.position')),
    ).toHaveLength(1);
  });

  it('a delegation that expires before the visit ends leaves only the RN', async () => {
    await database.db
      .update(delegations)
      .set({ validTo: new Date('2026-11-23T08:10:00Z') })
      .where(eq(delegations.id, W.delegation));
    const { suggestions } = await call();
    expect(suggestions.map((s) => s.staffId)).toEqual([W.rn]);
  });

  it('refuses a window of zero length or outside a year back and two ahead, as POST /api/visits', async () => {
    const cases: [string, string, string][] = [
      ['2026-11-23T10:00:00+01:00', '2026-11-23T10:00:00+01:00', 'body.windowEnd'],
      ['2026-11-23T10:00:00+01:00', '2026-11-23T09:00:00+01:00', 'body.windowEnd'],
      ['2025-11-01T10:00:00+01:00', '2025-11-01T11:00:00+01:00', 'body.windowStart'],
      ['2029-01-01T10:00:00+01:00', '2029-01-01T11:00:00+01:00', 'body.windowStart'],
      ['2026-11-23T10:00:00+01:00', '2026-11-24T11:00:00+01:00', 'body.windowEnd'],
    ];
    for (const [windowStart, windowEnd, field] of cases) {
      const err = (await failure(call({ windowStart, windowEnd }))) as any;
      expect(err.status, windowStart).toBe(400);
      expect(
        err.details.map((d: any) => d.field),
        windowStart,
      ).toContain(field);
    }
  });

  it('refuses a half-given window, an unknown patient and mixed professions', async () => {
    expect(await failure(call({ windowStart: '2026-11-23T10:00:00' }))).toMatchObject({
      status: 400,
      details: [{ field: 'body.windowEnd' }],
    });
    expect(
      await failure(call({ patientId: '00000000-0000-4000-8000-000000000000' })),
    ).toMatchObject({ status: 404, details: [{ field: 'body.patientId' }] });
    expect(await failure(call({ taskTypes: ['insulin_pen', 'rehab_training'] }))).toMatchObject({
      status: 400,
      details: [{ field: 'body.taskTypes' }],
    });
  });
});
